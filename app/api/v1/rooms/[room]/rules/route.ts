import { rulesApi } from '@/lib/api/rules';
import { withIdempotency } from '@/server/http/idempotency';
import { endpointRoute } from '@/server/http/route';
import { createRule } from '@/server/services/signals/create-rule';
import { listRules } from '@/server/services/signals/list-rules';

export const dynamic = 'force-dynamic';

/** The room's alert rules (viewer+, or the room's display link). */
export const GET = endpointRoute(rulesApi.list, async ({ rt, actor, params }) => listRules({ ctx: rt, actor, slug: params.room }));

/** Adds an alert rule (lead+); honours Idempotency-Key. */
export const POST = endpointRoute(rulesApi.create, async ({ rt, actor, req, params, body }) => {
  const input = await body(16_384);
  return withIdempotency({
    ctx: rt,
    req,
    actor,
    operation: `POST /rooms/${params.room}/rules`,
    run: async () => ({ status: 201, body: { rule: await createRule({ ctx: rt, actor, slug: params.room, input }) } }),
  });
});
