import type { TServiceContext } from '../../context';
import type { TRule } from '../../../lib/api/signals';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { loadRuleDtos } from './rule-write';

/** The room's alert rules (viewer+). */
export async function listRules(opts: { ctx: TServiceContext; actor: TActor; slug: string }): Promise<{ rules: TRule[] }> {
  const room = await roomFor({ ...opts, permission: 'room:read' });
  return { rules: await loadRuleDtos(opts.ctx, { roomId: room.id }) };
}
