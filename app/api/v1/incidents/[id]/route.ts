import { INCIDENTS } from '@/lib/api/incidents';
import { endpointRoute } from '@/server/http/route';
import { getIncident } from '@/server/services/incidents/get-incident';

export const dynamic = 'force-dynamic';

/** One incident with its timeline. :id is its id, or its number in ?room= (default room). */
export const GET = endpointRoute(INCIDENTS.get, async ({ rt, actor, params, query }) =>
  getIncident({ ctx: rt, actor, ref: params.id, room: query.room }),
);
