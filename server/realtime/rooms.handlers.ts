import { z } from 'zod';
import { ZRoomSlug } from '../../lib/schemas/metrics';
import { roomChannel } from '../../lib/events';
import type { TServiceContext } from '../context';
import { assertCan } from '../services/access/actor';
import { resolveRoom } from '../services/rooms/resolve-room';
import { getRoomSnapshot } from '../services/metrics/get-room-snapshot';
import type { SnapshotCache } from './snapshot-cache';
import type { TSocket } from './types';
import { withSchema } from './with-schema';

const ZJoin = z.object({ room: ZRoomSlug.optional() });
const ZLeave = z.object({ roomId: z.string().min(1) });
/** how often a join retries when the room changed while its snapshot was read */
const MAX_SNAPSHOT_RETRIES = 3;

/**
 * room:join subscribes the socket to a room it may read and answers with the
 * room's snapshot, shared with every other join of the same instant (cache).
 */
export function registerRoomHandlers(ctx: TServiceContext, socket: TSocket, cache: SnapshotCache): void {
  const actor = socket.data.actor;
  socket.on(
    'room:join',
    withSchema(ZJoin, async ({ room: slug }) => {
      // A display link with no slug means its own room.
      const byId = !slug && actor.kind === 'display' ? actor.roomId : null;
      const key = slug ? `slug:${slug}` : byId ? `id:${byId}` : 'default';
      const build = async () => {
        const room = byId ? await ctx.prisma.room.findUniqueOrThrow({ where: { id: byId } }) : await resolveRoom({ ctx, slug });
        return { room, snapshot: await getRoomSnapshot({ ctx, room }) };
      };
      let joined = false;
      for (let attempt = 0; ; attempt++) {
        const { gen, value } = cache.get(key, build);
        const { room, snapshot } = await value;
        assertCan(actor, 'room:read', room.id);
        if (!joined) {
          await socket.join(roomChannel(room.id));
          joined = true;
        }
        // Joined before the change that made this snapshot stale? Then the push
        // of that change may have gone out before the join: read again.
        if (cache.generation(room.id) === gen || attempt >= MAX_SNAPSHOT_RETRIES) return { ...snapshot, serverTime: Date.now() };
      }
    }),
  );
  socket.on(
    'room:leave',
    withSchema(ZLeave, async ({ roomId }) => {
      await socket.leave(roomChannel(roomId));
      return null;
    }),
  );
}
