import { getTranslations } from 'next-intl/server';
import { getRuntime } from '@/server/context';
import { can } from '@/server/services/access/actor';
import { resolveRoom } from '@/server/services/rooms/resolve-room';
import { isAppError } from '@/server/errors';
import { requireMe } from '../../../incidents/_components/session';
import { ProbesScreen } from './probes-screen';
import { titled } from '@/lib/i18n/page-title';

export const generateMetadata = titled('probes');
export const dynamic = 'force-dynamic';

/** A room's HTTP probes and alert rules: everyone signed in reads; leads and admins change them (the API checks again). */
export default async function ProbesPage({ params }: { params: Promise<{ room: string }> }) {
  const { room: slug } = await params;
  const me = await requireMe(`/rooms/${slug}/probes`);
  const rt = getRuntime();
  let room: Awaited<ReturnType<typeof resolveRoom>>;
  try {
    room = await resolveRoom({ ctx: rt, slug });
  } catch (err) {
    if (isAppError(err))
      return (
        <main className="p-6">
          <h1 className="text-xl font-semibold">{(await getTranslations('probes'))('noRoom')}</h1>
          <p className="mt-2 text-dim">{err.message}</p>
        </main>
      );
    throw err;
  }
  const actor = { kind: 'user' as const, userId: me.id, name: me.name, email: '', role: me.role, via: 'session' as const };
  return <ProbesScreen slug={room.slug} roomName={room.name} canEdit={can(actor, 'room:settings', room.id)} />;
}
