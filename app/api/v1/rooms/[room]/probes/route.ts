import { probesApi } from '@/lib/api/probes';
import { withIdempotency } from '@/server/http/idempotency';
import { endpointRoute } from '@/server/http/route';
import { createProbe } from '@/server/services/signals/create-probe';
import { listProbes } from '@/server/services/signals/list-probes';

export const dynamic = 'force-dynamic';

/** The room's probes with state, latency and recent results (viewer+, or the room's display link). */
export const GET = endpointRoute(probesApi.list, async ({ rt, actor, params }) => listProbes({ ctx: rt, actor, slug: params.room }));

/** Adds a probe (lead+); honours Idempotency-Key. */
export const POST = endpointRoute(probesApi.create, async ({ rt, actor, req, params, body }) => {
  const input = await body(16_384);
  return withIdempotency({
    ctx: rt,
    req,
    actor,
    operation: `POST /rooms/${params.room}/probes`,
    run: async () => ({ status: 201, body: { probe: await createProbe({ ctx: rt, actor, slug: params.room, input }) } }),
  });
});
