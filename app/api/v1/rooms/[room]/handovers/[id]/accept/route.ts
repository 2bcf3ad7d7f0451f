import { NIGHT } from '@/lib/api/night';
import { endpointRoute } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { acceptHandover } from '@/server/services/handovers/accept-handover';

export const dynamic = 'force-dynamic';

/** The incoming lead accepts: `{"takeOwnership"?: true}` (or no body) → 200 with acceptedAt and acceptedBy. */
export const POST = endpointRoute(NIGHT.acceptHandover, async ({ rt, actor, params, req, body }) => {
  assertCan(actor, 'incident:write');
  const empty = req.body === null || req.headers.get('content-length') === '0';
  const input = empty ? {} : await body(4096);
  return acceptHandover({ ctx: rt, actor, slug: params.room, id: params.id, takeOwnership: input.takeOwnership });
});
