import { notFound } from 'next/navigation';
import { getRuntime } from '@/server/context';
import { listPeople } from '@/server/services/incidents/list-people';
import { resolveRoom } from '@/server/services/rooms/resolve-room';
import { ReadOnly } from '@/app/_ui/read-only';
import { requireMe } from '../_components/session';
import { IncidentScreen } from './incident-screen';
import { titled } from '@/lib/i18n/page-title';

export const generateMetadata = titled('incident');
export const dynamic = 'force-dynamic';

/** One incident by its number in the room (?room=slug, else the default room). */
export default async function IncidentPage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: Promise<{ room?: string }>;
}) {
  const { number } = await params;
  const { room } = await searchParams;
  if (!/^\d{1,9}$/.test(number)) notFound();
  const me = await requireMe(`/incidents/${number}${room ? `?room=${encodeURIComponent(room)}` : ''}`);
  const people = await listPeople({ ctx: getRuntime() });
  const roomRow = await resolveRoom({ ctx: getRuntime(), slug: room }).catch(() => null);
  // An archived room's incidents are history: read, never written (the API answers 409 room_archived).
  const archived = !!roomRow?.archivedAt;
  // Leads publish from here to the room's status page, which needs the room's slug even for the default room.
  const statusRoom = (me.role === 'lead' || me.role === 'admin') && !archived ? roomRow?.slug : undefined;
  const screen = <IncidentScreen number={Number(number)} room={room} me={me} people={people} statusRoom={statusRoom} archived={archived} />;
  return archived ? <ReadOnly>{screen}</ReadOnly> : screen;
}
