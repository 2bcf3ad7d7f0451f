import { ROOMS } from '@/lib/api/rooms';
import { endpointRoute } from '@/server/http/route';
import { addMilestone } from '@/server/services/rooms/add-milestone';

export const dynamic = 'force-dynamic';

/** Adds a milestone (lead+) → 201. */
export const POST = endpointRoute(ROOMS.addMilestone, async ({ rt, actor, params, body }) =>
  addMilestone({ ctx: rt, actor, slug: params.room, input: await body() }),
);
