import { STATUS } from '@/lib/api/status';
import { withIdempotency } from '@/server/http/idempotency';
import { parseWith, readJson, route } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { publishStatusIncident } from '@/server/services/status/publish-status-incident';

export const dynamic = 'force-dynamic';

/** Publishes a public incident (lead+) → 201; honours Idempotency-Key. */
export const POST = route<{ room: string }>(async (req, { rt, actor, params }) => {
  const { room } = parseWith(STATUS.publish.params, params, 'path');
  assertCan(actor, 'room:settings');
  const input = parseWith(STATUS.publish.body, await readJson(req, 64 * 1024));
  return withIdempotency({
    ctx: rt,
    req,
    actor,
    operation: `POST /rooms/${room}/status-incidents`,
    run: async () => ({ status: 201, body: await publishStatusIncident({ ctx: rt, actor, slug: room, input }) }),
  });
});
