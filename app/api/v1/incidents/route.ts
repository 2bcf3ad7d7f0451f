import { INCIDENTS } from '@/lib/api/incidents';
import { MAX_INCIDENT_BODY_BYTES } from '@/lib/api/incident-requests';
import { withIdempotency } from '@/server/http/idempotency';
import { ANSWER_IN_TX } from '@/server/services/incidents/answers-in-tx';
import { endpointRoute, parseWith, readJson } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { createIncident } from '@/server/services/incidents/create-incident';
import { listIncidents } from '@/server/services/incidents/list-incidents';

export const dynamic = 'force-dynamic';

/** The room's incidents, newest first: ?status=open|resolved|all&room=slug. */
export const GET = endpointRoute(INCIDENTS.list, async ({ rt, actor, query }) => ({
  incidents: await listIncidents({ ctx: rt, actor, input: query }),
}));

/** Opens an incident; honours Idempotency-Key. */
export const POST = endpointRoute(INCIDENTS.create, async ({ rt, actor, req }) => {
  // Refuse strangers before reading their body; the raw body also keys the idempotent replay.
  assertCan(actor, 'incident:write');
  const raw = await readJson(req, MAX_INCIDENT_BODY_BYTES);
  const input = parseWith(INCIDENTS.create.body, raw);
  const status = INCIDENTS.create.status;
  const run = async () => ({ status, body: await createIncident({ ctx: rt, actor, input }) });
  return withIdempotency({ ctx: rt, req, actor, operation: 'POST /incidents', body: raw, status, answer: ANSWER_IN_TX.incident, run });
});
