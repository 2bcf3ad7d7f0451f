import { STATUS } from '@/lib/api/status';
import { withIdempotency } from '@/server/http/idempotency';
import { endpointRoute } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { scheduleMaintenance } from '@/server/services/status/schedule-maintenance';

export const dynamic = 'force-dynamic';

/** Schedules a maintenance (lead+) → 201; honours Idempotency-Key. */
export const POST = endpointRoute(STATUS.scheduleMaintenance, async ({ rt, actor, req, params, body }) => {
  // Refuse strangers before reading their body.
  assertCan(actor, 'room:settings');
  const input = await body(64 * 1024);
  return withIdempotency({
    ctx: rt,
    req,
    actor,
    operation: `POST /rooms/${params.room}/maintenances`,
    run: async () => ({ status: 201, body: await scheduleMaintenance({ ctx: rt, actor, slug: params.room, input }) }),
  });
});
