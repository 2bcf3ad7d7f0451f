import type { z } from 'zod';
import { detailsFromZodError, type TAck } from '../../lib/errors';
import { errorBody } from '../errors';

/**
 * Wraps a socket command: validates the payload with a zod schema from lib/,
 * runs the handler, and answers the ack with `{ ok, data }` or `{ ok: false, error }`
 * — the same codes and field details as the HTTP API.
 */
export function withSchema<S extends z.ZodType, R>(schema: S, handler: (input: z.infer<S>) => Promise<R>) {
  return async (payload: unknown, ack?: (r: TAck<R>) => void) => {
    const reply = typeof ack === 'function' ? ack : () => {};
    const parsed = schema.safeParse(payload ?? {});
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
