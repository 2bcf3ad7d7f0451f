import { ZAnnotationInput, ZRoomParams } from '@/lib/schemas/rooms';
import { json, parseWith, readJson, route } from '@/server/http/route';
import { addAnnotation } from '@/server/services/rooms/add-annotation';

export const dynamic = 'force-dynamic';

/** Marks a moment (lead+): `{"label": "gate opened", "time"?}`; no time means now → 201. */
export const POST = route<{ room: string }>(async (req, { rt, actor, params }) => {
  const { room } = parseWith(ZRoomParams, params, 'path');
  const input = parseWith(ZAnnotationInput, await readJson(req, 16_384));
  return json(await addAnnotation({ ctx: rt, actor, slug: room, input }), 201);
});
