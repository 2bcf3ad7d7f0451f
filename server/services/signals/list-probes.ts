import type { TServiceContext } from '../../context';
import type { TProbe } from '../../../lib/api/signals';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { loadProbeDtos } from './probe-dto';

/** The room's probes with their state and recent results (viewer+). */
export async function listProbes(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
}): Promise<{ roomId: string; probes: TProbe[]; serverTime: number }> {
  const room = await roomFor({ ...opts, permission: 'room:read' });
  return { roomId: room.id, probes: await loadProbeDtos(opts.ctx, { roomId: room.id }), serverTime: Date.now() };
}
