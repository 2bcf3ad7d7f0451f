import { ZRoomParams, ZSafetyLineInput } from '@/lib/schemas/rooms';
import { json, parseWith, readJson, route } from '@/server/http/route';
import { setSafetyLine } from '@/server/services/rooms/set-safety-line';

export const dynamic = 'force-dynamic';

/** Sets a metric's safety line (lead+): `{"metricName", "warning", "critical", "direction"?: "above"|"below"}`; replaces an existing one → 200. */
export const PUT = route<{ room: string }>(async (req, { rt, actor, params }) => {
  const { room } = parseWith(ZRoomParams, params, 'path');
  const input = parseWith(ZSafetyLineInput, await readJson(req, 16_384));
  return json(await setSafetyLine({ ctx: rt, actor, slug: room, input }));
});
