import type { z } from 'zod';
import { MAX_INCIDENT_BODY_BYTES, ZRoomQuery } from '@/lib/schemas/incidents';
import { withIdempotency } from '@/server/http/idempotency';
import { ANSWER_IN_TX, type TAnswerKind } from '@/server/services/incidents/answers-in-tx';
import { json, parseWith, queryOf, readJson, route } from '@/server/http/route';
import type { TServiceContext } from '@/server/context';
import type { TActor } from '@/server/services/access/actor';

export type TActionParams = { id: string } & Record<string, string>;

/**
 * One incident action as a thin route: parse the body with the zod schema
 * from lib/, call the service (which authorizes with assertCan), answer JSON.
 * An empty body reads as {} (claim, release and ack take none; curl sends no
 * Content-Length then); a schema that needs fields names them in its 400.
 * `create: true` marks writes that create something: they honour Idempotency-Key.
 */
export function incidentAction<S extends z.ZodType>(opts: {
  schema: S;
  status?: number;
  create?: boolean;
  /** for `create`: what the answer is, so it can be written in the effect's transaction */
  answer?: TAnswerKind;
  operation: string;
  call: (a: { ctx: TServiceContext; actor: TActor; ref: string; room?: string; params: TActionParams; input: z.infer<S> }) => Promise<unknown>;
}) {
  return route<TActionParams>(async (req, { rt, actor, params }) => {
    const { room } = parseWith(ZRoomQuery, queryOf(req), 'query');
    const raw = await readJson(req, MAX_INCIDENT_BODY_BYTES, { empty: {} });
    const input = parseWith(opts.schema, raw);
    const run = async () => ({ status: opts.status ?? 200, body: await opts.call({ ctx: rt, actor, ref: params.id, room, params, input }) });
    if (opts.create) {
      const operation = `${opts.operation} ${params.id}${room ? `@${room}` : ''}`;
      return withIdempotency({ ctx: rt, req, actor, operation, body: raw, status: opts.status ?? 200, answer: opts.answer && ANSWER_IN_TX[opts.answer], run });
    }
    const r = await run();
    return json(r.body, r.status);
  });
}
