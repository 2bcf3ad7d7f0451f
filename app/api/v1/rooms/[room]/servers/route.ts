import { serversApi } from '@/lib/api/servers';
import { json, parseWith, queryOf, route } from '@/server/http/route';
import { listServers } from '@/server/services/servers/list-servers';

export const dynamic = 'force-dynamic';

/** The room's fleet, worst first, outliers marked (viewer+). */
export const GET = route<{ room: string }>(async (req, { rt, actor, params }) => {
  const { room } = parseWith(serversApi.list.params, params, 'path');
  const { spark } = parseWith(serversApi.list.query, queryOf(req), 'query');
  return json(await listServers({ ctx: rt, actor, slug: room, spark }));
});
