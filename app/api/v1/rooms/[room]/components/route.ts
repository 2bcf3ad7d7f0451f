import { STATUS } from '@/lib/api/status';
import { withIdempotency } from '@/server/http/idempotency';
import { endpointRoute, parseWith, readJson, route } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { createComponent, listComponents } from '@/server/services/status/manage-components';

export const dynamic = 'force-dynamic';

/** The status page's components with the state each shows now (viewer+). */
export const GET = endpointRoute(STATUS.listComponents, async ({ rt, actor, params }) => ({
  components: await listComponents({ ctx: rt, actor, slug: params.room }),
}));

/** Adds a component (lead+) → 201; honours Idempotency-Key. */
export const POST = route<{ room: string }>(async (req, { rt, actor, params }) => {
  const { room } = parseWith(STATUS.createComponent.params, params, 'path');
  assertCan(actor, 'room:settings');
  const input = parseWith(STATUS.createComponent.body, await readJson(req, 16_384));
  return withIdempotency({
    ctx: rt,
    req,
    actor,
    operation: `POST /rooms/${room}/components`,
    run: async () => ({ status: 201, body: await createComponent({ ctx: rt, actor, slug: room, input }) }),
  });
});
