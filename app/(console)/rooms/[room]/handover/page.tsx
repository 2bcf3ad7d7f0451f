import { requireMe } from '@/app/(console)/incidents/_components/session';
import { getRuntime } from '@/server/context';
import { listLeads } from '@/server/services/handovers/list-leads';
import { HandoverScreen } from './handover-screen';
import { titled } from '@/lib/i18n/page-title';

export const generateMetadata = titled('handover');
export const dynamic = 'force-dynamic';

/** Shift handover: the brief, the note, acceptance, history. Anyone signed in reads; leads write (the API checks). */
export default async function HandoverPage({ params }: { params: Promise<{ room: string }> }) {
  const { room } = await params;
  const me = await requireMe(`/rooms/${room}/handover`);
  const leads = me.role === 'lead' || me.role === 'admin' ? (await listLeads({ ctx: getRuntime() })).filter((l) => l.id !== me.id) : [];
  return <HandoverScreen slug={room} me={me} leads={leads} />;
}
