import { STATUS } from '@/lib/api/status';
import { withIdempotency } from '@/server/http/idempotency';
import { parseWith, readJson, route } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { scheduleMaintenance } from '@/server/services/status/schedule-maintenance';

export const dynamic = 'force-dynamic';

/** Schedules a maintenance (lead+) → 201; honours Idempotency-Key. */
export const POST = route<{ room: string }>(async (req, { rt, actor, params }) => {
  const { room } = parseWith(STATUS.scheduleMaintenance.params, params, 'path');
  assertCan(actor, 'room:settings');
  const input = parseWith(STATUS.scheduleMaintenance.body, await readJson(req, 64 * 1024));
  return withIdempotency({
    ctx: rt,
    req,
    actor,
    operation: `POST /rooms/${room}/maintenances`,
    run: async () => ({ status: 201, body: await scheduleMaintenance({ ctx: rt, actor, slug: room, input }) }),
  });
});
