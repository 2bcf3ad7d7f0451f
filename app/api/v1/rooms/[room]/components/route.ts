import { STATUS } from '@/lib/api/status';
import { withIdempotency } from '@/server/http/idempotency';
import { endpointRoute } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { createComponent } from '@/server/services/status/create-component';
import { listComponents } from '@/server/services/status/list-components';

export const dynamic = 'force-dynamic';

/** The status page's components with the state each shows now (viewer+). */
export const GET = endpointRoute(STATUS.listComponents, async ({ rt, actor, params }) => ({
  components: await listComponents({ ctx: rt, actor, slug: params.room }),
}));

/** Adds a component (lead+) → 201; honours Idempotency-Key. */
export const POST = endpointRoute(STATUS.createComponent, async ({ rt, actor, req, params, body }) => {
  // Refuse strangers before reading their body.
  assertCan(actor, 'room:settings');
  const input = await body(16_384);
  return withIdempotency({
    ctx: rt,
    req,
    actor,
    operation: `POST /rooms/${params.room}/components`,
    run: async () => ({ status: 201, body: await createComponent({ ctx: rt, actor, slug: params.room, input }) }),
  });
});
