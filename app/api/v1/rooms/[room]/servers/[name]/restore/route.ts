import { serversApi } from '@/lib/api/servers';
import { withIdempotency } from '@/server/http/idempotency';
import { parseWith, route } from '@/server/http/route';
import { restoreServer } from '@/server/services/servers/drain-server';
import { readOptionalJson } from '../../optional-body';

export const dynamic = 'force-dynamic';

/** Puts a drained server back in the pool (lead+): `{"reason"?, "incident"?}` → 200 server with its drain record. */
export const POST = route<{ room: string; name: string }>(async (req, { rt, actor, params }) => {
  const { room, name } = parseWith(serversApi.restore.params, params, 'path');
  const input = parseWith(serversApi.restore.body, await readOptionalJson(req));
  const run = async () => ({ status: 200, body: await restoreServer({ ctx: rt, actor, slug: room, name, input }) });
  return withIdempotency({ ctx: rt, req, actor, operation: `POST /rooms/${room}/servers/${name}/restore`, run });
});
