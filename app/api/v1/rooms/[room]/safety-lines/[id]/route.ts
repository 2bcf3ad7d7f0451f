import { ZRoomParams } from '@/lib/schemas/rooms';
import { parseWith, route } from '@/server/http/route';
import { removeSafetyLine } from '@/server/services/rooms/remove-safety-line';

export const dynamic = 'force-dynamic';

/** Deletes a safety line (lead+) → 204. */
export const DELETE = route<{ room: string; id: string }>(async (_req, { rt, actor, params }) => {
  const { room } = parseWith(ZRoomParams, params, 'path');
  await removeSafetyLine({ ctx: rt, actor, slug: room, id: params.id });
  return new Response(null, { status: 204 });
});
