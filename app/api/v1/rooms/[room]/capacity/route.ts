import { CAPACITY } from '@/lib/api/capacity';
import { endpointRoute } from '@/server/http/route';
import { getCapacity } from '@/server/services/capacity/get-capacity';
import { setCapacityModel } from '@/server/services/capacity/set-capacity-model';

export const dynamic = 'force-dynamic';

/** Headroom now and the forecast (viewer+, or the room's display link). */
export const GET = endpointRoute(CAPACITY.get, async ({ rt, actor, params }) => getCapacity({ ctx: rt, actor, slug: params.room }));

/** Sets the capacity model (lead+). */
export const PUT = endpointRoute(CAPACITY.set, async ({ rt, actor, params, body }) =>
  setCapacityModel({ ctx: rt, actor, slug: params.room, input: await body() }),
);
