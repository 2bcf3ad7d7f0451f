import type { z } from 'zod';
import { MAX_INCIDENT_BODY_BYTES, ZRoomQuery } from '@/lib/schemas/incidents';
import { withIdempotency } from '@/server/http/idempotency';
import { json, parseWith, queryOf, readJson, route } from '@/server/http/route';
import type { TServiceContext } from '@/server/context';
import type { TActor } from '@/server/services/access/actor';

export type TActionParams = { id: string } & Record<string, string>;

/**
 * One incident action as a thin route: parse the body with the zod schema
 * from lib/, call the service (which authorizes with assertCan), answer JSON.
 * `create: true` marks writes that create something: they honour Idempotency-Key.
 */
export function incidentAction<S extends z.ZodType>(opts: {
  schema: S;
  status?: number;
  create?: boolean;
  operation: string;
  call: (a: { ctx: TServiceContext; actor: TActor; ref: string; room?: string; params: TActionParams; input: z.infer<S> }) => Promise<unknown>;
}) {
  return route<TActionParams>(async (req, { rt, actor, params }) => {
    const { room } = parseWith(ZRoomQuery, queryOf(req), 'query');
    const raw = req.headers.get('content-length') === '0' ? {} : await readJsonOrEmpty(req);
    const input = parseWith(opts.schema, raw);
    const run = async () => ({ status: opts.status ?? 200, body: await opts.call({ ctx: rt, actor, ref: params.id, room, params, input }) });
    if (opts.create) return withIdempotency({ ctx: rt, req, actor, operation: `${opts.operation} ${params.id}${room ? `@${room}` : ''}`, run });
    const r = await run();
    return json(r.body, r.status);
  });
}

/** Bodiless actions (claim, release, ack) accept no body as {}. */
async function readJsonOrEmpty(req: Request): Promise<unknown> {
  if (!req.body) return {};
  return readJson(req, MAX_INCIDENT_BODY_BYTES);
}
