import { NIGHT } from '@/lib/api/night';
import { withIdempotency } from '@/server/http/idempotency';
import { endpointRoute, parseWith, readJson, route } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { createHandover } from '@/server/services/handovers/create-handover';
import { listHandovers } from '@/server/services/handovers/list-handovers';

export const dynamic = 'force-dynamic';

/** The room's handovers, newest first, and who is on duty (viewer+). */
export const GET = endpointRoute(NIGHT.listHandovers, async ({ rt, actor, params }) =>
  listHandovers({ ctx: rt, actor, slug: params.room }),
);

/** The outgoing lead hands over: `{"to"?: email, "note"?}` → 201 with the brief; honours Idempotency-Key. */
export const POST = route<{ room: string }>(async (req, { rt, actor, params }) => {
  const { room } = parseWith(NIGHT.createHandover.params, params, 'path');
  // Refuse strangers before reading their body.
  assertCan(actor, 'incident:write');
  const input = parseWith(NIGHT.createHandover.body, await readJson(req, 64 * 1024));
  return withIdempotency({
    ctx: rt,
    req,
    actor,
    operation: `POST /rooms/${room}/handovers`,
    run: async () => ({ status: 201, body: await createHandover({ ctx: rt, actor, slug: room, input }) }),
  });
});
