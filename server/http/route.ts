import type { z } from 'zod';
import { detailsFromZodError } from '../../lib/errors';
import { AppError, errorBody } from '../errors';
import { getRuntime, type TRuntime } from '../context';
import { authenticateRequest } from '../services/access/authenticate-request';
import type { TActor } from '../services/access/actor';
import { assertSameOrigin } from '../auth/same-origin';

/** Security headers every API answer carries. */
const API_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...API_HEADERS, ...headers } });
}

export interface TRouteContext {
  rt: TRuntime;
  actor: TActor;
}

/**
 * Wraps a route handler: authenticates the caller, runs the handler, and
 * turns any failure into the API's error body — never a stack or SQL.
 */
export function route<P = Record<string, string>>(handler: (req: Request, c: TRouteContext & { params: P }) => Promise<Response>) {
  return async (req: Request, segment: { params: Promise<P> }): Promise<Response> => {
    try {
      const rt = getRuntime();
      const actor = await authenticateRequest({ ctx: rt, headers: req.headers });
      assertSameOrigin(req, actor, rt.config.publicUrl);
      const params = segment?.params ? await segment.params : ({} as P);
      return await handler(req, { rt, actor, params });
    } catch (err) {
      const { status, body } = errorBody(err);
      if (status >= 500) console.error(`${req.method} ${new URL(req.url).pathname} failed:`, err);
      return json(body, status);
    }
  };
}

/**
 * Reads a JSON body no larger than maxBytes: 413 past it, 400 when it is not
 * JSON. With `empty`, a missing or empty body (no Content-Length, as curl -X
 * POST sends) reads as that value instead.
 */
export async function readJson(req: Request, maxBytes: number, opts: { empty?: unknown } = {}): Promise<unknown> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new AppError('payload_too_large', `body is ${declared} bytes; the limit is ${maxBytes}`);
  }
  if (!req.body && 'empty' in opts) return opts.empty;
  if (!req.body) throw new AppError('bad_request', 'a JSON body is required', [{ field: '(body)', message: 'required' }]);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError('payload_too_large', `body exceeds the limit of ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if ('empty' in opts && text.trim() === '') return opts.empty;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'body is not valid JSON', [{ field: '(body)', message: 'not valid JSON' }]);
  }
}

/** Parses with a zod schema from lib/; a failure is a 400 naming each bad field. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown, what = 'body'): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const details = detailsFromZodError(parsed.error);
    const first = details[0]!;
    throw new AppError('validation_failed', `invalid ${what}: ${first.field}: ${first.message}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''}`, details);
  }
  return parsed.data;
}

/** Query-string parameters as a plain object, for parseWith. */
export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}
