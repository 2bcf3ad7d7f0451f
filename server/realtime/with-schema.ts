import type { z } from 'zod';
import type { TSocketCommand } from '../../lib/api/contract';
import { SOCKET_COMMANDS } from '../../lib/api/socket';
import { detailsFromZodError, type TAck } from '../../lib/errors';
import type { TCommandAnswer, TCommandName } from '../../lib/events';
import { CHECK_ANSWERS, contractBreak } from '../contract-check';
import { errorBody } from '../errors';
import { PreEncoded } from './pre-encoded';
import type { TSocket } from './types';

type TPayloadOf<K extends TCommandName> = z.output<(typeof SOCKET_COMMANDS)[K]['payload']>;

/**
 * Registers a socket command declared in the socket table (lib/api/socket.ts,
 * from lib/api/<resource>.ts): its payload is validated with the command's
 * schema before the handler runs, and the handler's input and answer are
 * typed from the same schemas. The only way a handler module listens.
 */
export function onCommand<K extends TCommandName>(
  socket: TSocket,
  name: K,
  handler: (input: TPayloadOf<K>) => Promise<TCommandAnswer<K> | PreEncoded>,
): void {
  const c: TSocketCommand = SOCKET_COMMANDS[name];
  // socket.io's typed `on` cannot follow a generic event name; the listener validates what arrives.
  const on = socket.on as (event: string, listener: (...args: unknown[]) => void) => void;
  on.call(socket, name, withSchema(name, c, handler as (input: unknown) => Promise<unknown>));
}

/**
 * Wraps a socket command: validates the payload with its zod schema, runs the
 * handler, and answers the ack with `{ ok, data }` or `{ ok: false, error }`
 * — the same codes and field details as the HTTP API. In tests and
 * development the answer is parsed by its strict schema too (a leaked field
 * answers `internal`, naming it).
 *
 * The ack is the last argument when it is a function (socket.io puts it
 * last), so a command sent without a payload, or with extra arguments before
 * the ack, still gets an answer: an error naming the shape it expects.
 */
function withSchema(name: string, c: TSocketCommand, handler: (input: unknown) => Promise<unknown>) {
  return async (...args: unknown[]) => {
    const last = args[args.length - 1];
    const reply: (r: TAck<unknown>) => void = typeof last === 'function' ? (last as (r: TAck<unknown>) => void) : () => {};
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
    const parsed = c.payload.safeParse(payloads[0] ?? {});
    if (!parsed.success) {
      reply({ ok: false, error: { code: 'validation_failed', message: 'invalid payload', details: detailsFromZodError(parsed.error) } });
      return;
    }
    try {
      const data = await handler(parsed.data);
      if (CHECK_ANSWERS) {
        const broken = contractBreak(c.answer, data instanceof PreEncoded ? JSON.parse(data.json) : data);
        if (broken) {
          console.error(`ack of ${name} breaks its contract ${broken}`);
          reply({ ok: false, error: { code: 'internal', message: `ack of ${name} breaks its contract ${broken}` } });
          return;
        }
      }
      reply({ ok: true, data });
    } catch (err) {
      const { status, body } = errorBody(err);
      if (status >= 500) console.error('socket handler failed:', err);
      reply({ ok: false, error: body.error });
    }
  };
}
