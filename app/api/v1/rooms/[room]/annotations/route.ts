import { ROOMS } from '@/lib/api/rooms';
import { endpointRoute } from '@/server/http/route';
import { addAnnotation } from '@/server/services/rooms/add-annotation';

export const dynamic = 'force-dynamic';

/** Marks a moment (lead+); no time means now → 201. */
export const POST = endpointRoute(ROOMS.addAnnotation, async ({ rt, actor, params, body }) =>
  addAnnotation({ ctx: rt, actor, slug: params.room, input: await body() }),
);
