import { getTranslations } from 'next-intl/server';
import { titled } from '@/lib/i18n/page-title';
import { getRuntime } from '@/server/context';
import { isAppError } from '@/server/errors';
import { can } from '@/server/services/access/actor';
import { resolveRoom } from '@/server/services/rooms/resolve-room';
import { requireMe } from '../../../incidents/_components/session';
import { StatusAdminScreen } from './status-admin-screen';

export const generateMetadata = titled('status');
export const dynamic = 'force-dynamic';

/** The room's status page as its leads manage it: the switch, components, public incidents, maintenances. */
export default async function StatusAdminPage({
  params,
  searchParams,
}: {
  params: Promise<{ room: string }>;
  searchParams: Promise<{ publish?: string; number?: string }>;
}) {
  const { room: slug } = await params;
  const { publish, number } = await searchParams;
  const me = await requireMe(`/rooms/${slug}/status`);
  let room: Awaited<ReturnType<typeof resolveRoom>>;
  try {
    room = await resolveRoom({ ctx: getRuntime(), slug });
  } catch (err) {
    if (isAppError(err))
      return (
        <main className="p-6">
          <h1 className="text-xl font-semibold">{(await getTranslations('probes'))('noRoom')}</h1>
        </main>
      );
    throw err;
  }
  const actor = { kind: 'user' as const, userId: me.id, name: me.name, email: '', role: me.role, via: 'session' as const };
  return (
    <StatusAdminScreen
      slug={room.slug}
      canEdit={can(actor, 'room:settings', room.id)}
      publishFrom={publish && /^\d{1,9}$/.test(number ?? '') ? { incidentId: publish, number: Number(number) } : null}
    />
  );
}
