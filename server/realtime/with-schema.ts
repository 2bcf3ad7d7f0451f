import type { z } from 'zod';
import { detailsFromZodError, type TAck } from '../../lib/errors';
import { errorBody } from '../errors';

/**
 * Wraps a socket command: validates the payload with a zod schema from lib/,
 * runs the handler, and answers the ack with `{ ok, data }` or `{ ok: false, error }`
 * — the same codes and field details as the HTTP API.
 *
 * The ack is the last argument when it is a function (socket.io puts it
 * last), so a command sent without a payload, or with extra arguments before
 * the ack, still gets an answer: an error naming the shape it expects.
 */
export function withSchema<S extends z.ZodType, R>(schema: S, handler: (input: z.infer<S>) => Promise<R>) {
  return async (...args: unknown[]) => {
    const last = args[args.length - 1];
    const reply: (r: TAck<R>) => void = typeof last === 'function' ? (last as (r: TAck<R>) => void) : () => {};
    const payloads = typeof last === 'function' ? args.slice(0, -1) : args;
    if (payloads.length !== 1) {
      const message =
        payloads.length === 0
          ? 'a payload object is required before the ack'
          : `expected one payload before the ack, got ${payloads.length} arguments`;
      reply({ ok: false, error: { code: 'bad_request', message, details: [{ field: '(payload)', message }] } });
      return;
    }
    // `undefined` crosses the wire as null: a client that passed no object means {}.
    const parsed = schema.safeParse(payloads[0] ?? {});
    if (!parsed.success) {
      reply({ ok: false, error: { code: 'validation_failed', message: 'invalid payload', details: detailsFromZodError(parsed.error) } });
      return;
    }
    try {
      reply({ ok: true, data: await handler(parsed.data) });
    } catch (err) {
      const { status, body } = errorBody(err);
      if (status >= 500) console.error('socket handler failed:', err);
      reply({ ok: false, error: body.error });
    }
  };
}
