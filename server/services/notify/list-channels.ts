import type { TChannel } from '../../../lib/api/notifications';
import type { TServiceContext } from '../../context';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { loadChannelDtos } from './channel-dto';

/** The room's channels with their health, never their secrets (lead+). */
export async function listChannels(opts: { ctx: TServiceContext; actor: TActor; slug: string }): Promise<TChannel[]> {
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  return loadChannelDtos(opts.ctx, room.id);
}
