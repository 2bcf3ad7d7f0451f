import { describe, expect, it } from 'vitest';
import { errorBody } from './errors';

describe('errorBody maps database refusals of input, not 500', () => {
  it('unique-constraint violations, however wrapped, are 409', () => {
    expect(errorBody({ code: 'P2002' }).status).toBe(409);
    expect(errorBody(new Error('wrapped', { cause: { code: '23505' } })).status).toBe(409);
    expect(errorBody({ code: 'SQLITE_CONSTRAINT_UNIQUE' }).status).toBe(409);
    expect(errorBody(new Error('UNIQUE constraint failed: User.email')).status).toBe(409);
  });

  it('values PostgreSQL cannot store (NUL, out of range) are 400', () => {
    expect(errorBody({ code: 'P2039', meta: { driverAdapterError: { cause: { originalCode: '22021' } } } }).status).toBe(400);
    expect(errorBody({ code: 'P2020' }).status).toBe(400);
  });

  it('an unreachable or busy database is a 503 to retry, with when, never a 500', () => {
    const unavailable = (err: unknown) => {
      const r = errorBody(err);
      return r.status === 503 && r.body.error.code === 'unavailable' && r.retryAfterSeconds === 5;
    };
    // what Prisma answers when PostgreSQL is stopped (seen with status-page-faults' private instance)
    expect(unavailable({ code: 'P1001', meta: { driverAdapterError: { cause: { kind: 'DatabaseNotReachable' } } } })).toBe(true);
    // PostgreSQL shutting down or restarting (57P01 admin shutdown), as Prisma's driver adapter reports it
    expect(unavailable({ code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode: '57P01' } } } })).toBe(true);
    expect(unavailable({ code: 'P1001' })).toBe(true);
    expect(unavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    // SQLite's file held by another writer past the busy timeout
    expect(unavailable({ code: 'SQLITE_BUSY', message: 'database is locked' })).toBe(true);
    // not: a constraint, a bad value, a bug
    expect(unavailable({ code: 'P2002' })).toBe(false);
    expect(unavailable({ meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode: '22021' } } } })).toBe(false);
    expect(unavailable(new Error('boom'))).toBe(false);
    // an outbound call refused (a chat vendor, a probe target) is not the database
    expect(
      unavailable(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) })),
    ).toBe(false);
  });

  it('anything else stays a 500 without details', () => {
    expect(errorBody(new Error('boom'))).toEqual({ status: 500, body: { error: { code: 'internal', message: 'internal error' } } });
  });
});
