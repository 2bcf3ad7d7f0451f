import { NIGHT_ENDPOINTS } from '@/lib/api/night';
import { withIdempotency } from '@/server/http/idempotency';
import { json, parseWith, readJson, route } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { createHandover } from '@/server/services/handovers/create-handover';
import { listHandovers } from '@/server/services/handovers/list-handovers';

export const dynamic = 'force-dynamic';
const E = NIGHT_ENDPOINTS;

/** The room's handovers, newest first, and who is on duty (viewer+). */
export const GET = route<{ room: string }>(async (_req, { rt, actor, params }) => {
  const { room } = parseWith(E.listHandovers.params, params, 'path');
  return json(await listHandovers({ ctx: rt, actor, slug: room }));
});

/** The outgoing lead hands over: `{"to"?: email, "note"?}` → 201 with the brief; honours Idempotency-Key. */
export const POST = route<{ room: string }>(async (req, { rt, actor, params }) => {
  const { room } = parseWith(E.createHandover.params, params, 'path');
  // Refuse strangers before reading their body.
  assertCan(actor, 'incident:write');
  const input = parseWith(E.createHandover.body, await readJson(req, 64 * 1024));
  return withIdempotency({ ctx: rt, req, actor, operation: `POST /rooms/${room}/handovers`, run: async () => ({ status: 201, body: await createHandover({ ctx: rt, actor, slug: room, input }) }) });
});
