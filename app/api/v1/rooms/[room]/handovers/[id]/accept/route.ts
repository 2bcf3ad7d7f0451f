import { NIGHT_ENDPOINTS } from '@/lib/api/night';
import { json, parseWith, readJson, route } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { acceptHandover } from '@/server/services/handovers/accept-handover';

export const dynamic = 'force-dynamic';
const E = NIGHT_ENDPOINTS.acceptHandover;

/** The incoming lead accepts: `{"takeOwnership"?: true}` → 200 with acceptedAt and acceptedBy. */
export const POST = route<{ room: string; id: string }>(async (req, { rt, actor, params }) => {
  const { room, id } = parseWith(E.params, params, 'path');
  assertCan(actor, 'incident:write');
  const hasBody = req.headers.get('content-length') !== '0' && req.body !== null;
  const input = parseWith(E.body, hasBody ? await readJson(req, 4096) : {});
  return json(await acceptHandover({ ctx: rt, actor, slug: room, id, takeOwnership: input.takeOwnership }));
});
