import { serversApi } from '@/lib/api/servers';
import { withIdempotency } from '@/server/http/idempotency';
import { endpointRoute, parseWith } from '@/server/http/route';
import { restoreServer } from '@/server/services/servers/restore-server';
import { readOptionalJson } from '../../optional-body';

export const dynamic = 'force-dynamic';

/** Puts a drained server back in the pool (lead+): `{"reason"?, "incident"?}` → 200 server with its drain record. */
export const POST = endpointRoute(serversApi.restore, async ({ rt, actor, req, params }) => {
  const { room, name } = params;
  const input = parseWith(serversApi.restore.body, await readOptionalJson(req));
  const run = async () => ({ status: 200, body: await restoreServer({ ctx: rt, actor, slug: room, name, input }) });
  return withIdempotency({ ctx: rt, req, actor, operation: `POST /rooms/${room}/servers/${name}/restore`, run });
});
