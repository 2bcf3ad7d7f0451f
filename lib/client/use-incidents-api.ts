'use client';

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

/** JSON fetch with the session cookie (or a bearer for display links); errors become ApiError. */
export async function apiFetch<T>(path: string, opts: { method?: string; body?: unknown; token?: string | null; idempotencyKey?: string } = {}): Promise<T> {
  const res = await fetch(path, {
    method: opts.method ?? 'GET',
    credentials: 'same-origin',
    headers: {
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {}),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; details?: TErrorDetail[] } & Record<string, unknown> } | null)?.error;
    const { code, message, details, ...extra } = e ?? {};
    throw new ApiError(res.status, code ?? 'internal', message ?? `request failed (${res.status})`, details ?? [], extra);
  }
  return data as T;
}
