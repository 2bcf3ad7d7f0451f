import type { z } from 'zod';
import type { TEndpoint, TResponseOf } from '@/lib/api/contract';
import { MAX_INCIDENT_BODY_BYTES, ZRoomQuery } from '@/lib/schemas/incidents';
import { withIdempotency } from '@/server/http/idempotency';
import { json, parseWith, queryOf, readJson, route } from '@/server/http/route';
import type { TServiceContext } from '@/server/context';
import type { TActor } from '@/server/services/access/actor';

export type TActionParams = { id: string } & Record<string, string>;

/**
 * One incident action as a thin route: parse the body with the endpoint's
 * schema from lib/api/incidents.ts, call the service (which authorizes with
 * assertCan), answer JSON with the endpoint's status. Endpoints marked
 * `idempotent` (writes that create something) honour Idempotency-Key.
 */
export function incidentAction<E extends TEndpoint & { body: z.ZodType }>(opts: {
  /** the contract entry in lib/api/incidents.ts: body schema, success status, idempotency */
  endpoint: E;
  operation: string;
  call: (a: { ctx: TServiceContext; actor: TActor; ref: string; room?: string; params: TActionParams; input: z.output<E['body']> }) => Promise<TResponseOf<E>>;
}) {
  const { endpoint } = opts;
  return route<TActionParams>(async (req, { rt, actor, params }) => {
    const { room } = parseWith(ZRoomQuery, queryOf(req), 'query');
    const raw = req.headers.get('content-length') === '0' ? {} : await readJsonOrEmpty(req);
    const input = parseWith(endpoint.body, raw) as z.output<E['body']>;
    const run = async () => ({ status: endpoint.status ?? 200, body: await opts.call({ ctx: rt, actor, ref: params.id, room, params, input }) });
    if (endpoint.idempotent) return withIdempotency({ ctx: rt, req, actor, operation: `${opts.operation} ${params.id}${room ? `@${room}` : ''}`, run });
    const r = await run();
    return json(r.body, r.status);
  });
}

/** Bodiless actions (claim, release, ack) accept no body as {}. */
async function readJsonOrEmpty(req: Request): Promise<unknown> {
  if (!req.body) return {};
  return readJson(req, MAX_INCIDENT_BODY_BYTES);
}
