import { requireMe } from './_components/session';
import { IncidentsScreen } from './incidents-screen';
import { titled } from '@/lib/i18n/page-title';

export const generateMetadata = titled('incidents');
export const dynamic = 'force-dynamic';

/** The incident log of a room (?room=slug, else the default room). */
export default async function IncidentsPage({ searchParams }: { searchParams: Promise<{ room?: string }> }) {
  const { room } = await searchParams;
  const me = await requireMe(`/incidents${room ? `?room=${encodeURIComponent(room)}` : ''}`);
  return <IncidentsScreen me={me} room={room} />;
}
