import type { TErrorCode, TErrorDetail } from '../lib/errors';

// Next bundles its own copy of this module; a registered symbol lets a check
// in one copy recognise an error thrown by the other, where instanceof cannot.
const APP_ERROR = Symbol.for('warroom.AppError');

/** A failure a caller can act on; each transport maps `code` (HTTP status, socket ack). */
export class AppError extends Error {
  readonly [APP_ERROR] = true;
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly details?: TErrorDetail[],
    /** extra fields for the error body, e.g. the current owner on already_claimed */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(err: unknown): err is AppError {
  return typeof err === 'object' && err !== null && (err as Record<symbol, unknown>)[APP_ERROR] === true;
}

const HTTP_STATUS: Record<TErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  already_claimed: 409,
  stale_version: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** The error body both transports send: no stack, no SQL. */
export function errorBody(err: unknown): { status: number; body: { error: { code: string; message: string; details?: TErrorDetail[] } & Record<string, unknown> } } {
  if (isAppError(err)) {
    return {
      status: HTTP_STATUS[err.code],
      body: { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}), ...err.extra } },
    };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'internal error' } } };
}
