import { NIGHT_ENDPOINTS } from '@/lib/api/night';
import { json, parseWith, readJson, route } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { listPlans } from '@/server/services/plan/list-plans';
import { setPlan } from '@/server/services/plan/set-plan';

export const dynamic = 'force-dynamic';
const E = NIGHT_ENDPOINTS;

/** The room's planned curves (viewer+, a display link of the room). */
export const GET = route<{ room: string }>(async (_req, { rt, actor, params }) => {
  const { room } = parseWith(E.listPlans.params, params, 'path');
  return json(await listPlans({ ctx: rt, actor, slug: room }));
});

/** Sets a series' planned curve (lead+): `{"series", "points": [{time, value}]}`, up to 10,000 points. */
export const PUT = route<{ room: string }>(async (req, { rt, actor, params }) => {
  const { room } = parseWith(E.setPlan.params, params, 'path');
  assertCan(actor, 'incident:write');
  const input = parseWith(E.setPlan.body, await readJson(req, 2 * 1024 * 1024));
  return json(await setPlan({ ctx: rt, actor, slug: room, input }));
});
