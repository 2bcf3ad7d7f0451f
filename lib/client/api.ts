'use client';

import type { TApi } from '../api';
import type { TBodyOf, TEndpoint, TResponseOf } from '../api/contract';
import type { TErrorDetail } from '../errors';
import { ROUTES } from './routes';

/** An API error with its code, field details and extra fields (owner on already_claimed, incident on stale_version). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: TErrorDetail[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** "{room}" and "{id}" in a contract path, as an object type. */
type TParamsOf<P extends string> = P extends `${string}{${infer K}}${infer Rest}`
  ? { [k in K]: string | number } & TParamsOf<Rest>
  : unknown;

type TCallOptions<E extends TEndpoint> = {
  query?: Record<string, string | number | undefined>;
  /** a display link's key or a personal token; default: the session cookie */
  token?: string | null;
  idempotencyKey?: string;
} & (E['path'] extends `${string}{${string}` ? { params: TParamsOf<E['path']> } : { params?: undefined }) &
  (E['body'] extends object ? { body: TBodyOf<E> } : { body?: undefined });

/** A contract path with its parameters and query filled in: for requests, and for links a person follows (a CSV download). */
export function urlOf(path: string, opts: { params?: unknown; query?: Record<string, string | number | undefined> }): string {
  let url: string = path.replace(/\{(\w+)\}/g, (_m, k: string) =>
    encodeURIComponent(String((opts.params as Record<string, string | number>)[k])),
  );
  const q = Object.entries(opts.query ?? {}).filter((kv): kv is [string, string | number] => kv[1] !== undefined);
  if (q.length) url += `?${new URLSearchParams(q.map(([k, v]) => [k, String(v)]))}`;
  return url;
}

/** A request as the typed client sends it; `baseUrl` for callers outside the browser (CLI, demo replay). */
async function send(
  method: string,
  path: string,
  opts: TCallOptions<TEndpoint> & { baseUrl?: string },
): Promise<{ res: Response; text: string }> {
  const url = (opts.baseUrl ?? '') + urlOf(path, opts);
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    cache: 'no-store',
    headers: {
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {}),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  return { res, text: await res.text() };
}

/** A refusal in the API's error shape as an ApiError (a proxy's HTML page too, by its status). */
function failure(res: Response, data: unknown): ApiError {
  const e = (data as { error?: { code?: string; message?: string; details?: TErrorDetail[] } & Record<string, unknown> } | null)?.error;
  const { code, message, details, ...extra } = e ?? {};
  return new ApiError(res.status, code ?? 'internal', message ?? `request failed (${res.status})`, details ?? [], extra);
}

function parsed(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return undefined;
  }
}

async function request<E extends TEndpoint>(
  method: string,
  path: string,
  opts: TCallOptions<E> & { baseUrl?: string },
): Promise<TResponseOf<E>> {
  const { res, text } = await send(method, path, opts as TCallOptions<TEndpoint> & { baseUrl?: string });
  const data = parsed(text);
  // A proxy's HTML error page: say what happened, not "Unexpected token <".
  if (data === undefined && res.ok)
    throw new ApiError(res.status, 'internal', `the server answered something other than JSON (${res.status})`);
  if (!res.ok) throw failure(res, data ?? null);
  return data as TResponseOf<E>;
}

/**
 * An endpoint's other form as text — the one named by its `alternate` (the
 * night report as Markdown, `query: { format: 'md' }`): the same path,
 * credentials and ApiError refusals as the JSON call.
 */
export async function requestText<R extends keyof TApi, K extends keyof TApi[R] & string>(
  defaults: { baseUrl?: string; token?: string | null },
  resource: R,
  name: K,
  opts: TCallOptions<TApi[R][K] & TEndpoint>,
): Promise<string> {
  const [method, path] = (ROUTES as unknown as Record<string, Record<string, readonly [string, string]>>)[resource as string]![name]!;
  const { res, text } = await send(method, path, { ...defaults, ...opts } as TCallOptions<TEndpoint> & { baseUrl?: string });
  if (!res.ok) throw failure(res, parsed(text) ?? null);
  return text;
}

/** One endpoint as a function: options required when it has path parameters or a body. */
type TEndpointFn<E extends TEndpoint> = E['path'] extends `${string}{${string}`
  ? (opts: TCallOptions<E>) => Promise<TResponseOf<E>>
  : E['body'] extends object
    ? (opts: TCallOptions<E>) => Promise<TResponseOf<E>>
    : (opts?: TCallOptions<E>) => Promise<TResponseOf<E>>;

/** The client's shape, derived from the endpoint table's type: `api.incidents.claim({ params: { id } })`. */
export type TApiClient = {
  [R in keyof TApi]: { [K in keyof TApi[R]]: TApi[R][K] extends TEndpoint ? TEndpointFn<TApi[R][K]> : never };
};

/**
 * The typed client, derived from lib/api: path, method, body and answer come
 * from the endpoint (imported as a type only, so no validator ships to the
 * screen); the method and path at run time from the generated
 * lib/client/routes.ts. Errors become ApiError. `defaults` serve callers
 * outside the browser: `createApiClient({ baseUrl, token })`.
 */
export function createApiClient(defaults: { baseUrl?: string; token?: string | null } = {}): TApiClient {
  const client: Record<string, Record<string, (o?: object) => Promise<unknown>>> = {};
  for (const [resource, endpoints] of Object.entries(ROUTES)) {
    const fns: Record<string, (o?: object) => Promise<unknown>> = {};
    for (const [name, [method, path]] of Object.entries(endpoints as Record<string, readonly [string, string]>))
      fns[name] = (o = {}) => request(method, path, { ...defaults, ...o } as TCallOptions<TEndpoint> & { baseUrl?: string });
    client[resource] = fns;
  }
  return client as unknown as TApiClient;
}

/** The browser's client: same origin, the session cookie (or a per-call `token`). */
export const api = createApiClient();
