import { guardedRoom } from '../room-access';
import { ProbesScreen } from './probes-screen';
import { titled } from '@/lib/i18n/page-title';

export const generateMetadata = titled('probes');
export const dynamic = 'force-dynamic';

/** A room's HTTP probes and alert rules: everyone signed in reads; leads and admins change them (the API checks again). The [room] layout guards. */
export default async function ProbesPage({ params }: { params: Promise<{ room: string }> }) {
  const { room: slug } = await params;
  const access = await guardedRoom(slug);
  if (!access) return null;
  const { room, can } = access;
  return <ProbesScreen slug={room.slug} roomName={room.name} canEdit={can('room:settings')} />;
}
