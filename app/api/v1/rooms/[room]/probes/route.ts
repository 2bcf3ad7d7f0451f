import { probesApi } from '@/lib/api/probes';
import { withIdempotency } from '@/server/http/idempotency';
import { json, parseWith, readJson, route } from '@/server/http/route';
import { createProbe, listProbes } from '@/server/services/signals/manage-probes';

export const dynamic = 'force-dynamic';

/** The room's probes with state, latency and recent results (viewer+, or the room's display link). */
export const GET = route<{ room: string }>(async (_req, { rt, actor, params }) => {
  const { room } = parseWith(probesApi.list.params, params, 'path');
  return json(await listProbes({ ctx: rt, actor, slug: room }));
});

/** Adds a probe (lead+); honours Idempotency-Key. */
export const POST = route<{ room: string }>(async (req, { rt, actor, params }) => {
  const { room } = parseWith(probesApi.create.params, params, 'path');
  const input = parseWith(probesApi.create.body, await readJson(req, 16_384));
  return withIdempotency({
    ctx: rt,
    req,
    actor,
    operation: `POST /rooms/${room}/probes`,
    run: async () => ({ status: 201, body: { probe: await createProbe({ ctx: rt, actor, slug: room, input }) } }),
  });
});
