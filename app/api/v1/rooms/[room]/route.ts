import { ROOMS } from '@/lib/api/rooms';
import { endpointRoute } from '@/server/http/route';
import { updateRoom } from '@/server/services/rooms/update-room';

export const dynamic = 'force-dynamic';

/** Renames, re-localises, archives or restores a room (admin). */
export const PATCH = endpointRoute(ROOMS.update, async ({ rt, actor, params, body }) =>
  updateRoom({ ctx: rt, actor, slug: params.room, input: await body() }),
);
