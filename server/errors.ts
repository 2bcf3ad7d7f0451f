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

/** Connection-level failures: the request was fine, the database could not be reached just now. */
const UNREACHABLE_CODES = new Set([
  // PostgreSQL: connection exceptions (08…), shutdown and restart (57P01–57P03), too many connections.
  // Not Node's bare socket codes (ECONNREFUSED…): an outbound call (a chat vendor, a probe) fails with those too.
  '08000',
  '08001',
  '08003',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  // Prisma: server unreachable, timed out, connection closed, no connection from the pool in time
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2024',
  // SQLite: the file is held by another writer past the busy timeout
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);
const UNREACHABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const UNREACHABLE_MESSAGE =
  /Connection terminated|terminating connection|Can't reach database server|database is locked|the database system is (starting up|shutting down)/;

/**
 * Whether a failure means the database is unreachable or busy rather than that
 * anything is wrong with the request or the code (a PostgreSQL restart, a
 * failover, SQLite's file held by another writer): a 503 the caller may retry,
 * not a 500. Looks through wrapped errors (`cause`) and Prisma's driver-adapter
 * details, as isUniqueViolation does.
 */
function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 6 && e && typeof e === 'object'; depth++) {
    const o = e as {
      code?: unknown;
      message?: unknown;
      meta?: { driverAdapterError?: { cause?: { kind?: string; originalCode?: unknown; code?: unknown } } };
      cause?: unknown;
    };
    if (typeof o.code === 'string' && UNREACHABLE_CODES.has(o.code)) return true;
    const adapter = o.meta?.driverAdapterError?.cause;
    if (adapter?.kind && UNREACHABLE_KINDS.has(adapter.kind)) return true;
    if (typeof adapter?.originalCode === 'string' && UNREACHABLE_CODES.has(adapter.originalCode)) return true;
    if (typeof o.message === 'string' && UNREACHABLE_MESSAGE.test(o.message)) return true;
    e = o.cause;
  }
  return false;
}

/** Seconds a caller is asked to wait after a 503 for an unreachable database (a restart takes a few). */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The error body both transports send: no stack, no SQL. */
export function errorBody(err: unknown): {
  status: number;
  body: { error: { code: string; message: string; details?: TErrorDetail[] } & Record<string, unknown> };
  /** when to come back, for a Retry-After header (an unreachable database) */
  retryAfterSeconds?: number;
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
  if (isDatabaseUnavailable(err))
    return {
      status: 503,
      body: {
        error: {
          code: 'unavailable',
          message: `the database cannot be reached just now; retry in ${DATABASE_RETRY_AFTER_SECONDS} s`,
        },
      },
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    };
  return { status: 500, body: { error: { code: 'internal', message: 'internal error' } } };
}
