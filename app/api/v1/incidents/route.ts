import { MAX_INCIDENT_BODY_BYTES, ZCreateIncident, ZListIncidentsQuery } from '@/lib/schemas/incidents';
import { withIdempotency } from '@/server/http/idempotency';
import { ANSWER_IN_TX } from '@/server/services/incidents/answers-in-tx';
import { json, parseWith, queryOf, readJson, route } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { createIncident } from '@/server/services/incidents/create-incident';
import { listIncidents } from '@/server/services/incidents/list-incidents';

export const dynamic = 'force-dynamic';

/** The room's incidents, newest first: ?status=open|resolved|all&room=slug. */
export const GET = route(async (req, { rt, actor }) => {
  const input = parseWith(ZListIncidentsQuery, queryOf(req), 'query');
  return json({ incidents: await listIncidents({ ctx: rt, actor, input }) });
});

/** Opens an incident; honours Idempotency-Key. */
export const POST = route(async (req, { rt, actor }) => {
  // Refuse strangers before reading their body.
  assertCan(actor, 'incident:write');
  const raw = await readJson(req, MAX_INCIDENT_BODY_BYTES);
  const input = parseWith(ZCreateIncident, raw);
  const run = async () => ({ status: 201, body: await createIncident({ ctx: rt, actor, input }) });
  return withIdempotency({ ctx: rt, req, actor, operation: 'POST /incidents', body: raw, status: 201, answer: ANSWER_IN_TX.incident, run });
});
