import { ROOMS } from '@/lib/api/rooms';
import { endpointRoute } from '@/server/http/route';
import { removeSafetyLine } from '@/server/services/rooms/remove-safety-line';

export const dynamic = 'force-dynamic';

/** Deletes a safety line (lead+) → 204. */
export const DELETE = endpointRoute(ROOMS.removeSafetyLine, async ({ rt, actor, params }) => {
  await removeSafetyLine({ ctx: rt, actor, slug: params.room, id: params.id });
  return null;
});
