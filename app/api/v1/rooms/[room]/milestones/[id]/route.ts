import { ROOMS } from '@/lib/api/rooms';
import { endpointRoute } from '@/server/http/route';
import { removeMilestone } from '@/server/services/rooms/remove-milestone';

export const dynamic = 'force-dynamic';

/** Deletes a milestone (lead+) → 204. */
export const DELETE = endpointRoute(ROOMS.removeMilestone, async ({ rt, actor, params }) => {
  await removeMilestone({ ctx: rt, actor, slug: params.room, id: params.id });
  return null;
});
