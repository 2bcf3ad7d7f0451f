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
  method_not_allowed: 405,
  conflict: 409,
  already_claimed: 409,
  stale_version: 409,
  room_archived: 409,
  payload_too_large: 413,
  idempotency_mismatch: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/**
 * Whether a failure is a unique-constraint violation, however it surfaced:
 * Prisma's P2002, PostgreSQL's 23505, SQLite's SQLITE_CONSTRAINT_UNIQUE, or
 * any of those wrapped (as `cause`) by a library such as the auth module.
 * Two requests racing to create the same thing lose one to the index; that
 * loser is a 409, like the check that would have caught it a moment later.
 */
export function isUniqueViolation(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 6 && e && typeof e === 'object'; depth++) {
    const o = e as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: string } } }; cause?: unknown };
    if (o.code === 'P2002' || o.code === '23505' || o.code === 'SQLITE_CONSTRAINT_UNIQUE' || o.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
      return true;
    if (o.meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation') return true;
    if (
      typeof o.message === 'string' &&
      /Unique constraint failed|UNIQUE constraint failed|duplicate key value violates unique constraint/.test(o.message)
    )
      return true;
    e = o.cause;
  }
  return false;
}

/**
 * Whether the database refused a value the validation let through: a NUL
 * byte in text, a number beyond its column (PostgreSQL's data exceptions,
 * class 22; Prisma's P2000/P2020). That is the caller's input: a 400.
 */
function isBadValue(err: unknown): boolean {
  const o = err as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null;
  if (!o || typeof o !== 'object') return false;
  if (o.code === 'P2000' || o.code === 'P2020') return true;
  const pgCode = o.meta?.driverAdapterError?.cause?.originalCode;
  return typeof pgCode === 'string' && pgCode.startsWith('22');
}

/** The error body both transports send: no stack, no SQL. */
export function errorBody(err: unknown): {
  status: number;
  body: { error: { code: string; message: string; details?: TErrorDetail[] } & Record<string, unknown> };
} {
  if (isAppError(err)) {
    return {
      status: HTTP_STATUS[err.code],
      body: { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}), ...err.extra } },
    };
  }
  if (isBadValue(err))
    return {
      status: 400,
      body: { error: { code: 'bad_request', message: 'a value cannot be stored (a NUL character, or a number out of range)' } },
    };
  if (isUniqueViolation(err))
    return { status: 409, body: { error: { code: 'conflict', message: 'it already exists (a concurrent request created it first)' } } };
  return { status: 500, body: { error: { code: 'internal', message: 'internal error' } } };
}
