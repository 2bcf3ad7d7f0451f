import { serversApi } from '@/lib/api/servers';
import { endpointRoute } from '@/server/http/route';
import { listServers } from '@/server/services/servers/list-servers';

export const dynamic = 'force-dynamic';

/** The room's fleet, worst first, outliers marked (viewer+). */
export const GET = endpointRoute(serversApi.list, async ({ rt, actor, params, query }) =>
  listServers({ ctx: rt, actor, slug: params.room, spark: query.spark }),
);
