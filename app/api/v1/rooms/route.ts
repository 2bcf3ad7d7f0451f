import { ROOMS } from '@/lib/api/rooms';
import { endpointRoute } from '@/server/http/route';
import { createRoom } from '@/server/services/rooms/create-room';
import { listRooms } from '@/server/services/rooms/list-rooms';

export const dynamic = 'force-dynamic';

/** Every room with its open incidents and headline (viewer+); archived ones with ?archived=1. */
export const GET = endpointRoute(ROOMS.list, async ({ rt, actor, query }) => ({
  rooms: await listRooms({ ctx: rt, actor, archived: query.archived === '1' }),
}));

/** Creates a room (admin); 409 when the slug is taken. */
export const POST = endpointRoute(ROOMS.create, async ({ rt, actor, body }) => createRoom({ ctx: rt, actor, input: await body() }));
