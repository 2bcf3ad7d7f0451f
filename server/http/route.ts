import type { z } from 'zod';
import { ENDPOINTS } from '../../lib/api';
import type { TEndpoint, TResponseOf } from '../../lib/api/contract';
import { CHECK_ANSWERS, contractBreak } from '../contract-check';
import { detailsFromZodError } from '../../lib/errors';
import { AppError, errorBody } from '../errors';
import { getRuntime, type TRuntime } from '../context';
import { authenticateRequest } from '../services/access/authenticate-request';
import { ANONYMOUS, type TActor } from '../services/access/actor';
import { assertSameOrigin } from '../auth/same-origin';

/** Security headers every API answer carries. */
const API_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...API_HEADERS, ...headers },
  });
}

/** A JSON answer against its endpoint's strict response schema (server/contract-check.ts): a leaked field becomes a 500 naming it. */
async function checkAnswer(req: Request, res: Response): Promise<void> {
  if (res.status < 200 || res.status >= 300 || res.status === 204) return;
  if (!res.headers.get('content-type')?.startsWith('application/json')) return;
  const e = endpointAt(req.method, new URL(req.url).pathname);
  if (!e?.response) return;
  const broken = contractBreak(e.response, await res.clone().json());
  if (broken) throw new AppError('internal', `answer of ${e.method} ${e.path} breaks its contract ${broken}`);
}

const MATCHERS = ENDPOINTS.map((e) => ({ e, re: new RegExp(`^${e.path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`) }));
/** The endpoint of the table a request reached (method and concrete path). */
function endpointAt(method: string, path: string): TEndpoint | undefined {
  return MATCHERS.find((m) => m.e.method === method && m.re.test(path))?.e;
}

export interface TRouteContext {
  rt: TRuntime;
  actor: TActor;
}

/**
 * Wraps a route handler: authenticates the caller, runs the handler, and
 * turns any failure into the API's error body — never a stack or SQL.
 */
function route<P = Record<string, string>>(
  handler: (req: Request, c: TRouteContext & { params: P }) => Promise<Response>,
  /** `anonymous`: no authentication (liveness and readiness answer even when the database does not) */
  opts: { anonymous?: boolean } = {},
) {
  return async (req: Request, segment: { params: Promise<P> }): Promise<Response> => {
    try {
      const rt = getRuntime();
      const actor = opts.anonymous ? ANONYMOUS : await authenticateRequest({ ctx: rt, headers: req.headers });
      if (!opts.anonymous) assertSameOrigin(req, actor, rt.config.publicUrl);
      const params = segment?.params ? await segment.params : ({} as P);
      const res = await handler(req, { rt, actor, params });
      if (CHECK_ANSWERS) await checkAnswer(req, res);
      return res;
    } catch (err) {
      const { status, body, retryAfterSeconds } = errorBody(err);
      if (status >= 500) console.error(`${req.method} ${new URL(req.url).pathname} failed:`, err);
      // An unreachable database says when to come back (clients and proxies honour Retry-After).
      return json(body, status, retryAfterSeconds ? { 'retry-after': String(retryAfterSeconds) } : {});
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
    throw new AppError(
      'validation_failed',
      `invalid ${what}: ${first.field}: ${first.message}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''}`,
      details,
    );
  }
  return parsed.data;
}

/** Query-string parameters as a plain object, for parseWith. */
function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}

type TOut<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * A route born on its contract (lib/api): params and query parsed with the
 * endpoint's schemas, the body parsed on demand (so a handler can refuse a
 * stranger before reading it), the answer typed as the endpoint's response
 * and sent with its status (204: no body).
 */
export function endpointRoute<E extends TEndpoint>(
  e: E,
  handler: (
    c: TRouteContext & {
      req: Request;
      params: TOut<E['params']>;
      query: TOut<E['query']>;
      /** the body parsed with the endpoint's schema; `empty`: what a missing or empty body reads as */
      body: (maxBytes?: number, opts?: { empty?: unknown }) => Promise<TOut<E['body']>>;
    },
    // a Response for what the table's JSON cannot say: an alternate form (Markdown), an idempotent replay, a 503
  ) => Promise<TResponseOf<E> | Response>,
  opts: { anonymous?: boolean } = {},
) {
  return route<Record<string, string>>(async (req, c) => {
    const params = (e.params ? parseWith(e.params, c.params, 'path') : undefined) as TOut<E['params']>;
    const query = (e.query ? parseWith(e.query, queryOf(req), 'query') : undefined) as TOut<E['query']>;
    const body = async (maxBytes = 16 * 1024, o: { empty?: unknown } = {}) =>
      (e.body ? parseWith(e.body, await readJson(req, maxBytes, o)) : undefined) as TOut<E['body']>;
    const result = await handler({ ...c, req, params, query, body });
    if (result instanceof Response) return result;
    if (e.status === 204) return new Response(null, { status: 204, headers: API_HEADERS });
    return json(result, e.status ?? 200);
  }, opts);
}
