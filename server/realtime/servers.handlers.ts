import { roomChannel } from '../../lib/events';
import type { TServiceContext } from '../context';
import type { TIo } from './types';

/**
 * servers.changed → `servers:changed` to the room's channel, carrying the
 * room's drained servers as they are after the change, so a wall marks a
 * drained tile without a round trip; pages refetch for the rest.
 */
export function attachServersFanout(ctx: TServiceContext, io: TIo): () => void {
  return ctx.bus.on('servers.changed', (e) => {
    io.to(roomChannel(e.roomId)).emit('servers:changed', { roomId: e.roomId, server: e.server, action: e.action, drained: e.drained });
  });
}
