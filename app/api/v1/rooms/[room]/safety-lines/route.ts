import { ROOMS } from '@/lib/api/rooms';
import { endpointRoute } from '@/server/http/route';
import { setSafetyLine } from '@/server/services/rooms/set-safety-line';

export const dynamic = 'force-dynamic';

/** Sets a metric's safety line (lead+), replacing an existing one → 200. */
export const PUT = endpointRoute(ROOMS.setSafetyLine, async ({ rt, actor, params, body }) =>
  setSafetyLine({ ctx: rt, actor, slug: params.room, input: await body() }),
);
