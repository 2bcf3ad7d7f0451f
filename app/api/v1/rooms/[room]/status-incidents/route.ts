import { STATUS } from '@/lib/api/status';
import { withIdempotency } from '@/server/http/idempotency';
import { endpointRoute } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { publishStatusIncident } from '@/server/services/status/publish-status-incident';

export const dynamic = 'force-dynamic';

/** Publishes a public incident (lead+) → 201; honours Idempotency-Key. */
export const POST = endpointRoute(STATUS.publish, async ({ rt, actor, req, params, body }) => {
  // Refuse strangers before reading their body.
  assertCan(actor, 'room:settings');
  const input = await body(64 * 1024);
  return withIdempotency({
    ctx: rt,
    req,
    actor,
    operation: `POST /rooms/${params.room}/status-incidents`,
    run: async () => ({ status: 201, body: await publishStatusIncident({ ctx: rt, actor, slug: params.room, input }) }),
  });
});
