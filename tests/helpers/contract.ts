/**
 * Checks an answer against its contract in lib/api: the endpoint is found by
 * method and concrete path, a success must match its strict response schema
 * (no field the contract does not name) and an
 * error the shared error shape. Returns what is wrong, or null.
 */
import { ENDPOINTS } from '../../lib/api';
import type { TEndpoint, TSocketCommand, TSocketPush } from '../../lib/api/contract';
import { SOCKET_COMMANDS, SOCKET_PUSHES, STATUS_PUSHES } from '../../lib/api/socket';
import { ZErrorBody } from '../../lib/errors';
import { strictAnswer } from '../../lib/api/strict';

function matcherOf(e: TEndpoint): RegExp {
  const re = e.path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+');
  return new RegExp(`^${re}$`);
}
const MATCHERS = ENDPOINTS.map((e) => ({ e, re: matcherOf(e) }));

export function endpointFor(method: string, path: string): TEndpoint | undefined {
  const bare = path.replace(/\?.*$/, '');
  return MATCHERS.find((m) => m.e.method === method && m.re.test(bare))?.e;
}

export function contractViolation(method: string, path: string, status: number, body: unknown): string | null {
  const e = endpointFor(method, path);
  if (!e) return `no contract entry for ${method} ${path}`;
  if (status >= 400) {
    const r = ZErrorBody.safeParse(body);
    return r.success ? null : `error body of ${method} ${path} is not the error shape: ${r.error.issues[0]?.message}`;
  }
  if (status !== (e.status ?? 200)) return `${method} ${path} answered ${status}, the contract says ${e.status ?? 200}`;
  if (!e.response || status === 204) return null;
  const r = strictAnswer(e.response).safeParse(body);
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  return `answer of ${method} ${path} breaks its schema at ${issue.path.join('.') || '(root)'}: ${issue.message}`;
}

/** A push's payload, parsed by its strict schema from the socket table (lib/api/socket.ts); throws naming what breaks it. */
export function checkedPush<T>(event: string, payload: unknown): T {
  const push = (SOCKET_PUSHES as Record<string, TSocketPush>)[event] ?? (STATUS_PUSHES as Record<string, TSocketPush>)[event];
  if (!push) throw new Error(`no push named ${event} in lib/api/socket.ts`);
  return strictAnswer(push.payload).parse(payload) as T;
}

/** A command's ack data, parsed by its strict answer schema from the socket table. */
export function checkedAnswer<T>(command: string, data: unknown): T {
  const c = (SOCKET_COMMANDS as Record<string, TSocketCommand>)[command];
  if (!c) throw new Error(`no command named ${command} in lib/api/socket.ts`);
  return strictAnswer(c.answer).parse(data) as T;
}
