import { STATUS } from '@/lib/api/status';
import { withIdempotency } from '@/server/http/idempotency';
import { parseWith, readJson, route } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { postStatusUpdate } from '@/server/services/status/post-status-update';

export const dynamic = 'force-dynamic';

/** Posts a public update (lead+) → 201 with the public incident; honours Idempotency-Key. */
export const POST = route<{ room: string; id: string }>(async (req, { rt, actor, params }) => {
  const { room, id } = parseWith(STATUS.postUpdate.params, params, 'path');
  assertCan(actor, 'room:settings');
  const input = parseWith(STATUS.postUpdate.body, await readJson(req, 64 * 1024));
  return withIdempotency({
    ctx: rt,
    req,
    actor,
    operation: `POST /rooms/${room}/status-incidents/${id}/updates`,
    run: async () => ({ status: 201, body: await postStatusUpdate({ ctx: rt, actor, slug: room, id, input }) }),
  });
});
