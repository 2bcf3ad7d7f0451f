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

  it('anything else stays a 500 without details', () => {
    expect(errorBody(new Error('boom'))).toEqual({ status: 500, body: { error: { code: 'internal', message: 'internal error' } } });
  });
});
