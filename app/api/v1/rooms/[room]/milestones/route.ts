import { ZMilestoneInput, ZRoomParams } from '@/lib/schemas/rooms';
import { json, parseWith, readJson, route } from '@/server/http/route';
import { addMilestone } from '@/server/services/rooms/add-milestone';

export const dynamic = 'force-dynamic';

/** Adds a milestone (lead+): `{"seriesName"?: "users_total", "threshold": 3000000, "label"?}` → 201. */
export const POST = route<{ room: string }>(async (req, { rt, actor, params }) => {
  const { room } = parseWith(ZRoomParams, params, 'path');
  const input = parseWith(ZMilestoneInput, await readJson(req, 16_384));
  return json(await addMilestone({ ctx: rt, actor, slug: room, input }), 201);
});
