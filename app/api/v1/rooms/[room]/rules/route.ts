import { rulesApi } from '@/lib/api/rules';
import { withIdempotency } from '@/server/http/idempotency';
import { json, parseWith, readJson, route } from '@/server/http/route';
import { createRule, listRules } from '@/server/services/signals/manage-rules';

export const dynamic = 'force-dynamic';

/** The room's alert rules (viewer+, or the room's display link). */
export const GET = route<{ room: string }>(async (_req, { rt, actor, params }) => {
  const { room } = parseWith(rulesApi.list.params, params, 'path');
  return json(await listRules({ ctx: rt, actor, slug: room }));
});

/** Adds an alert rule (lead+); honours Idempotency-Key. */
export const POST = route<{ room: string }>(async (req, { rt, actor, params }) => {
  const { room } = parseWith(rulesApi.create.params, params, 'path');
  const input = parseWith(rulesApi.create.body, await readJson(req, 16_384));
  return withIdempotency({
    ctx: rt,
    req,
    actor,
    operation: `POST /rooms/${room}/rules`,
    run: async () => ({ status: 201, body: { rule: await createRule({ ctx: rt, actor, slug: room, input }) } }),
  });
});
