'use client';

import type { TBodyOf, TEndpoint, TResponseOf } from '../api/contract';
import type { TErrorDetail } from '../errors';

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

/** A contract path with its parameters and query filled in: for `call`, and for links a person follows (a CSV download). */
export function urlOf<E extends TEndpoint>(
  path: E['path'],
  opts: { params?: TParamsOf<E['path']>; query?: Record<string, string | number | undefined> },
): string {
  let url: string = path.replace(/\{(\w+)\}/g, (_m, k: string) =>
    encodeURIComponent(String((opts.params as Record<string, string | number>)[k])),
  );
  const q = Object.entries(opts.query ?? {}).filter((kv): kv is [string, string | number] => kv[1] !== undefined);
  if (q.length) url += `?${new URLSearchParams(q.map(([k, v]) => [k, String(v)]))}`;
  return url;
}

/**
 * The one way a screen calls the HTTP API: typed by the endpoint's contract
 * in lib/api, imported as a type only (`import type { INCIDENTS }` …) so no
 * validator ships to the screen. `call<typeof INCIDENTS.claim>('POST',
 * '/api/v1/incidents/{id}/claim', { params: { id } })` — a wrong method or
 * path does not compile. Errors become ApiError.
 */
export async function call<E extends TEndpoint>(method: E['method'], path: E['path'], opts: TCallOptions<E>): Promise<TResponseOf<E>> {
  const url = urlOf<E>(path, opts as { params?: TParamsOf<E['path']>; query?: TCallOptions<E>['query'] });
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
