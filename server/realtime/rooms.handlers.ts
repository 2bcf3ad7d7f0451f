import { z } from 'zod';
import { ZRoomSlug } from '../../lib/schemas/metrics';
import { roomChannel } from '../../lib/events';
import type { TServiceContext } from '../context';
import { resolveReadableRoom } from '../services/rooms/resolve-room';
import { getRoomSnapshot } from '../services/metrics/get-room-snapshot';
import type { TSocket } from './types';
import { withSchema } from './with-schema';

const ZJoin = z.object({ room: ZRoomSlug.optional() });
const ZLeave = z.object({ roomId: z.string().min(1) });

/** room:join subscribes the socket to a room it may read and answers with the room's snapshot. */
export function registerRoomHandlers(ctx: TServiceContext, socket: TSocket): void {
  const actor = socket.data.actor;
  socket.on(
    'room:join',
    withSchema(ZJoin, async ({ room: slug }) => {
      const room = await resolveReadableRoom({ ctx, actor, slug });
      // Join before reading, so nothing committed after the read is missed.
      await socket.join(roomChannel(room.id));
      return getRoomSnapshot({ ctx, room });
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
