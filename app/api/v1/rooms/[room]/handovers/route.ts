import { NIGHT } from '@/lib/api/night';
import { withIdempotency } from '@/server/http/idempotency';
import { endpointRoute } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { createHandover } from '@/server/services/handovers/create-handover';
import { listHandovers } from '@/server/services/handovers/list-handovers';

export const dynamic = 'force-dynamic';

/** The room's handovers, newest first, and who is on duty (viewer+). */
export const GET = endpointRoute(NIGHT.listHandovers, async ({ rt, actor, params }) =>
  listHandovers({ ctx: rt, actor, slug: params.room }),
);

/** The outgoing lead hands over: `{"to"?: email, "note"?}` → 201 with the brief; honours Idempotency-Key. */
export const POST = endpointRoute(NIGHT.createHandover, async ({ rt, actor, req, params, body }) => {
  const { room } = params;
  // Refuse strangers before reading their body.
  assertCan(actor, 'incident:write');
  const input = await body(64 * 1024);
  return withIdempotency({
    ctx: rt,
    req,
    actor,
    operation: `POST /rooms/${room}/handovers`,
    run: async () => ({ status: 201, body: await createHandover({ ctx: rt, actor, slug: room, input }) }),
  });
});
