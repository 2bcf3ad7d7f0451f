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

/** A request as the typed client sends it; `baseUrl` for callers outside the browser (CLI, demo replay). */
async function request<E extends TEndpoint>(
  method: string,
  path: string,
  opts: TCallOptions<E> & { baseUrl?: string },
): Promise<TResponseOf<E>> {
  let url: string =
    (opts.baseUrl ?? '') +
    path.replace(/\{(\w+)\}/g, (_m, k: string) => encodeURIComponent(String((opts.params as Record<string, string | number>)[k])));
  const q = Object.entries(opts.query ?? {}).filter((kv): kv is [string, string | number] => kv[1] !== undefined);
  if (q.length) url += `?${new URLSearchParams(q.map(([k, v]) => [k, String(v)]))}`;
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
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page: say what happened, not "Unexpected token <".
    if (res.ok) throw new ApiError(res.status, 'internal', `the server answered something other than JSON (${res.status})`);
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; details?: TErrorDetail[] } & Record<string, unknown> } | null)?.error;
    const { code, message, details, ...extra } = e ?? {};
    throw new ApiError(res.status, code ?? 'internal', message ?? `request failed (${res.status})`, details ?? [], extra);
  }
  return data as TResponseOf<E>;
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
