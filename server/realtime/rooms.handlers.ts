import { roomChannel } from '../../lib/events';
import type { TServiceContext } from '../context';
import { checkRoom, lookupRoom } from '../services/rooms/room-for';
import { getRoomSnapshot } from '../services/metrics/get-room-snapshot';
import type { SnapshotCache } from './snapshot-cache';
import { PreEncoded } from './pre-encoded';
import type { TSocket } from './types';
import { onCommand } from './with-schema';

/** how often a join retries when the room changed while its snapshot was read */
const MAX_SNAPSHOT_RETRIES = 3;

/**
 * room:join subscribes the socket to a room it may read and answers with the
 * room's snapshot, shared with every other join of the same instant (cache).
 */
export function registerRoomHandlers(ctx: TServiceContext, socket: TSocket, cache: SnapshotCache): void {
  const actor = socket.data.actor;
  onCommand(socket, 'room:join', async ({ room: slug }) => {
    // A display link with no slug means its own room (lookupRoom); one read is shared by every join of the instant.
    const own = !slug && (actor.kind === 'display' || actor.kind === 'ingest') ? actor.roomId : null;
    const key = slug ? `slug:${slug}` : own ? `id:${own}` : 'default';
    const build = async () => {
      const room = await lookupRoom({ ctx, actor, slug });
      const snapshot = await getRoomSnapshot({ ctx, room });
      const { serverTime: _, ...rest } = snapshot;
      return { room, snapshot, restJson: JSON.stringify(rest).slice(1) };
    };
    let joined = false;
    for (let attempt = 0; ; attempt++) {
      const { gen, value } = cache.get(key, build);
      const { room, restJson } = await value;
      checkRoom(actor, room, 'room:read');
      if (!joined) {
        await socket.join(roomChannel(room.id));
        joined = true;
      }
      // Joined before the change that made this snapshot stale? Then the push
      // of that change may have gone out before the join: read again.
      if (cache.generation(room.id) === gen || attempt >= MAX_SNAPSHOT_RETRIES) {
        // Serialised once per build; this join's server clock goes in front. The wire text is the
        // plain JSON of a TRoomSnapshot (server/realtime/pre-encoded.ts); in tests it is parsed by its schema.
        return new PreEncoded(`{"serverTime":${Date.now()},${restJson}`);
      }
    }
  });
  onCommand(socket, 'room:leave', async ({ roomId }) => {
    await socket.leave(roomChannel(roomId));
    return null;
  });
}
