import type { TComponent } from '../../../lib/api/status';
import type { TServiceContext } from '../../context';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { loadComponents } from './status-rows';

/** The room's status page components with the state each shows now (viewer+). */
export async function listComponents(opts: { ctx: TServiceContext; actor: TActor; slug: string }): Promise<TComponent[]> {
  const room = await roomFor({ ...opts, permission: 'room:read' });
  return (await loadComponents(opts.ctx, room.id)).map(({ createdAt: _c, ...dto }) => dto);
}
