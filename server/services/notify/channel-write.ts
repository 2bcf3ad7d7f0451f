import type { TChannel } from '../../../lib/api/notifications';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { notFound } from '../rooms/room-settings-dto';
import { loadChannelDtos } from './channel-dto';

export const nameTaken = (name: string) =>
  new AppError('conflict', `a channel named "${name}" exists in this room`, [{ field: 'name', message: 'already used in this room' }]);

export async function channelInRoom(ctx: TServiceContext, roomId: string, id: string): Promise<TChannel> {
  const [c] = await loadChannelDtos(ctx, roomId, id);
  if (!c) throw notFound('channel', id);
  return c;
}
