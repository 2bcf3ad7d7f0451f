import type { Metadata } from 'next';
import { requireMe } from './_components/session';
import { IncidentsScreen } from './incidents-screen';

export const metadata: Metadata = { title: 'Incidents · Warroom' };
export const dynamic = 'force-dynamic';

/** The incident log of a room (?room=slug, else the default room). */
export default async function IncidentsPage({ searchParams }: { searchParams: Promise<{ room?: string }> }) {
  const { room } = await searchParams;
  const me = await requireMe(`/incidents${room ? `?room=${encodeURIComponent(room)}` : ''}`);
  return <IncidentsScreen me={me} room={room} />;
}
