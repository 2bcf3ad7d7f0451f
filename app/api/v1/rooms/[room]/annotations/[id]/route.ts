import { ROOMS } from '@/lib/api/rooms';
import { endpointRoute } from '@/server/http/route';
import { removeAnnotation } from '@/server/services/rooms/remove-annotation';

export const dynamic = 'force-dynamic';

/** Deletes a annotation (lead+) → 204. */
export const DELETE = endpointRoute(ROOMS.removeAnnotation, async ({ rt, actor, params }) => {
  await removeAnnotation({ ctx: rt, actor, slug: params.room, id: params.id });
  return null;
});
