import type { TStatusAdmin } from '../../../lib/api/status';
import type { TServiceContext } from '../../context';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { loadComponents, loadIncidents, loadMaintenances, loadStatusPage } from './status-rows';

/** Everything of the room's status page as its leads manage it (viewer+ reads). */
export async function getStatusAdmin(opts: { ctx: TServiceContext; actor: TActor; slug: string }): Promise<TStatusAdmin> {
  const { ctx } = opts;
  const room = await roomFor({ ...opts, permission: 'room:read' });
  const [statusPage, components, incidents, maintenances] = await Promise.all([
    loadStatusPage(ctx, room.id),
    loadComponents(ctx, room.id),
    loadIncidents(ctx, room.id, { take: 50 }),
    loadMaintenances(ctx, room.id),
  ]);
  return { statusPage, components: components.map(({ createdAt: _c, ...c }) => c), incidents, maintenances };
}
