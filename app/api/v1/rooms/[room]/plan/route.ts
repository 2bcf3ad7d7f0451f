import { NIGHT } from '@/lib/api/night';
import { endpointRoute } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { listPlans } from '@/server/services/plan/list-plans';
import { setPlan } from '@/server/services/plan/set-plan';

export const dynamic = 'force-dynamic';

/** The room's planned curves (viewer+, a display link of the room). */
export const GET = endpointRoute(NIGHT.listPlans, async ({ rt, actor, params }) => listPlans({ ctx: rt, actor, slug: params.room }));

/** Sets a series' planned curve (lead+): `{"series", "points": [{time, value}]}`, up to 10,000 points. */
export const PUT = endpointRoute(NIGHT.setPlan, async ({ rt, actor, params, body }) => {
  assertCan(actor, 'incident:write');
  return setPlan({ ctx: rt, actor, slug: params.room, input: await body(2 * 1024 * 1024) });
});
