import type { z } from 'zod';
import type { TEndpoint, TResponseOf } from '@/lib/api/contract';
import { MAX_INCIDENT_BODY_BYTES } from '@/lib/api/incident-requests';
import { withIdempotency } from '@/server/http/idempotency';
import { ANSWER_IN_TX, type TAnswerKind } from '@/server/services/incidents/answers-in-tx';
import { endpointRoute, json, parseWith, readJson } from '@/server/http/route';
import type { TServiceContext } from '@/server/context';
import type { TActor } from '@/server/services/access/actor';

export type TActionParams = { id: string } & Record<string, string>;

/**
 * One incident action as a thin route: parse the body with the endpoint's
 * schema from lib/api/incidents.ts, call the service (which authorizes with
 * assertCan), answer JSON with the endpoint's status. An empty body reads as
 * {} (claim, release and ack take none; curl sends no Content-Length then); a
 * schema that needs fields names them in its 400. Endpoints marked
 * `idempotent` (writes that create something) honour Idempotency-Key; with
 * `answer`, their answer is written in the effect's own transaction.
 */
export function incidentAction<E extends TEndpoint & { body: z.ZodType }>(opts: {
  /** the contract entry in lib/api/incidents.ts: body schema, success status, idempotency */
  endpoint: E;
  operation: string;
  /** for idempotent endpoints: what the answer is, so it commits with the effect (a crash leaves both or neither) */
  answer?: TAnswerKind;
  call: (a: {
    ctx: TServiceContext;
    actor: TActor;
    ref: string;
    room?: string;
    params: TActionParams;
    input: z.output<E['body']>;
  }) => Promise<TResponseOf<E>>;
}) {
  const { endpoint } = opts;
  return endpointRoute(endpoint, async ({ req, rt, actor, params: parsed, query }) => {
    const params = parsed as TActionParams;
    const { room } = query as { room?: string };
    const raw = await readJson(req, MAX_INCIDENT_BODY_BYTES, { empty: {} });
    const input = parseWith(endpoint.body, raw) as z.output<E['body']>;
    const status = endpoint.status ?? 200;
    const run = async () => ({ status, body: await opts.call({ ctx: rt, actor, ref: params.id, room, params, input }) });
    if (endpoint.idempotent) {
      const operation = `${opts.operation} ${params.id}${room ? `@${room}` : ''}`;
      return withIdempotency({ ctx: rt, req, actor, operation, body: raw, status, answer: opts.answer && ANSWER_IN_TX[opts.answer], run });
    }
    const r = await run();
    return json(r.body, r.status);
  });
  // (endpointRoute parsed :id and ?room= with the endpoint's own schemas)
}
