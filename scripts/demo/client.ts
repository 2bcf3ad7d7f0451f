// A small HTTP client for Warroom's public API v1: bearer auth, a timeout on
// every request, a bounded number of retries (with the same Idempotency-Key,
// so a retried create never creates twice).

export interface TApiAnswer {
  status: number;
  body: unknown;
}

/** A refused request: status and the API's error code and message. */
export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    super(`${method} ${path} → ${status}${err ? ` ${err.code}: ${err.message}` : ''}`);
    this.name = 'ApiError';
  }
  /** true when the path has no route at all (Next's 404 page or 405), as opposed to a 404 the API answered */
  get missingRoute(): boolean {
    const isApiError = typeof this.body === 'object' && this.body !== null && 'error' in this.body;
    return (this.status === 404 || this.status === 405) && !isApiError;
  }
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

export class WarroomClient {
  constructor(
    readonly baseUrl: string,
    private readonly opts: { timeoutMs?: number; retries?: number; signal?: AbortSignal } = {},
  ) {}

  /** JSON request; throws ApiError for any non-2xx answer after the retries. */
  async request(method: string, path: string, o: { token?: string; body?: unknown; idempotencyKey?: string } = {}): Promise<TApiAnswer> {
    const retries = this.opts.retries ?? 3;
    let lastError: unknown;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await pause(250 * 2 ** (attempt - 1), this.opts.signal);
      this.opts.signal?.throwIfAborted();
      let res: Response;
      try {
        const signals = [AbortSignal.timeout(this.opts.timeoutMs ?? 15_000), ...(this.opts.signal ? [this.opts.signal] : [])];
        res = await fetch(this.baseUrl + path, {
          method,
          signal: AbortSignal.any(signals),
          headers: {
            accept: 'application/json',
            ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
            ...(o.idempotencyKey ? { 'idempotency-key': o.idempotencyKey } : {}),
          },
          body: o.body === undefined ? undefined : JSON.stringify(o.body),
        });
      } catch (err) {
        if (this.opts.signal?.aborted) throw err;
        lastError = err; // connection refused, reset or timed out: try again
        continue;
      }
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: Next's HTML 404 page, for one
      }
      if (res.ok) return { status: res.status, body };
      lastError = new ApiError(method, path, res.status, body);
      if (!RETRY_STATUSES.has(res.status) && res.status < 500) break;
    }
    throw lastError instanceof Error ? lastError : new Error(`${method} ${path} failed: ${String(lastError)}`);
  }
}

/** Waits ms, or rejects at once when the signal aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
