import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter';

const LIMITS = { windowMs: 60_000, perAccount: 3, perAddress: 5 };

describe('LoginLimiter', () => {
  it('locks an account after its limit of failures, whatever the address, until the window passes', () => {
    const l = new LoginLimiter(LIMITS);
    for (let i = 0; i < 3; i++) {
      expect(l.check('A@x.io', `10.0.0.${i}`, 1000 + i)).toBeNull();
      l.fail('a@x.io', `10.0.0.${i}`, 1000 + i);
    }
    expect(l.check('a@x.io', '10.9.9.9', 2000)).toEqual({ scope: 'account', retryAfterSeconds: 59 });
    expect(l.check('b@x.io', '10.9.9.9', 2000)).toBeNull();
    expect(l.check('a@x.io', '10.9.9.9', 61_001)).toBeNull();
  });

  it('locks an address spraying many accounts', () => {
    const l = new LoginLimiter(LIMITS);
    for (let i = 0; i < 5; i++) l.fail(`u${i}@x.io`, '10.0.0.1', 1000);
    expect(l.check('new@x.io', '10.0.0.1', 1000)?.scope).toBe('address');
    expect(l.check('new@x.io', '10.0.0.2', 1000)).toBeNull();
  });

  it('a success clears the account count but not the address count', () => {
    const l = new LoginLimiter(LIMITS);
    for (let i = 0; i < 2; i++) l.fail('a@x.io', '10.0.0.1', 1000);
    l.succeed('a@x.io');
    l.fail('a@x.io', '10.0.0.1', 1000);
    expect(l.check('a@x.io', '10.0.0.1', 1000)).toBeNull();
    l.fail('z@x.io', '10.0.0.1', 1000);
    l.fail('z@x.io', '10.0.0.1', 1000);
    expect(l.check('q@x.io', '10.0.0.1', 1000)?.scope).toBe('address');
  });
});
