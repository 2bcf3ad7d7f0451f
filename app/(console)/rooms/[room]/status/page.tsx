import { titled } from '@/lib/i18n/page-title';
import { guardedRoom } from '../room-access';
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
  const access = await guardedRoom(slug);
  if (!access) return null;
  const { room, can } = access;
  return (
    <StatusAdminScreen
      slug={room.slug}
      canEdit={can('room:settings')}
      publishFrom={publish && /^\d{1,9}$/.test(number ?? '') ? { incidentId: publish, number: Number(number) } : null}
    />
  );
}
