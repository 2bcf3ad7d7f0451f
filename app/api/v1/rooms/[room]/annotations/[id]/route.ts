import { ZRoomParams } from '@/lib/schemas/rooms';
import { parseWith, route } from '@/server/http/route';
import { removeAnnotation } from '@/server/services/rooms/remove-annotation';

export const dynamic = 'force-dynamic';

/** Deletes an annotation (lead+) → 204. */
export const DELETE = route<{ room: string; id: string }>(async (_req, { rt, actor, params }) => {
  const { room } = parseWith(ZRoomParams, params, 'path');
  await removeAnnotation({ ctx: rt, actor, slug: room, id: params.id });
  return new Response(null, { status: 204 });
});
