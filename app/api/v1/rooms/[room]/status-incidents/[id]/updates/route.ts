import { STATUS } from '@/lib/api/status';
import { withIdempotency } from '@/server/http/idempotency';
import { endpointRoute } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { postStatusUpdate } from '@/server/services/status/post-status-update';

export const dynamic = 'force-dynamic';

/** Posts a public update (lead+) → 201 with the public incident; honours Idempotency-Key. */
export const POST = endpointRoute(STATUS.postUpdate, async ({ rt, actor, req, params, body }) => {
  // Refuse strangers before reading their body.
  assertCan(actor, 'room:settings');
  const input = await body(64 * 1024);
  return withIdempotency({
    ctx: rt,
    req,
    actor,
    operation: `POST /rooms/${params.room}/status-incidents/${params.id}/updates`,
    run: async () => ({ status: 201, body: await postStatusUpdate({ ctx: rt, actor, slug: params.room, id: params.id, input }) }),
  });
});
