import { requireMe } from './_components/session';
import { IncidentsScreen } from './incidents-screen';
import { titled } from '@/lib/i18n/page-title';
import { getRuntime } from '@/server/context';
import { resolveRoom } from '@/server/services/rooms/resolve-room';

export const generateMetadata = titled('incidents');
export const dynamic = 'force-dynamic';

/** The incident log of a room (?room=slug, else the default room). */
export default async function IncidentsPage({ searchParams }: { searchParams: Promise<{ room?: string }> }) {
  const { room } = await searchParams;
  const me = await requireMe(`/incidents${room ? `?room=${encodeURIComponent(room)}` : ''}`);
  // The room's slug even for the default room: the failing-channels line reads it by name.
  const roomSlug = room ?? (await resolveRoom({ ctx: getRuntime() }).catch(() => null))?.slug;
  return <IncidentsScreen me={me} room={room} roomSlug={roomSlug} />;
}
