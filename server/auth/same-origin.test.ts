import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import type { TActor } from '../services/access/actor';
import { assertSameOrigin, assertSameOriginSocket } from './same-origin';

const bySession: TActor = { kind: 'user', userId: 'u', name: 'U', email: 'u@x', role: 'engineer', via: 'session' };
const byToken: TActor = { ...bySession, via: 'token' };
const req = (method: string, headers: Record<string, string>) =>
  new Request('http://localhost:3000/api/v1/metrics', { method, headers: { host: 'warroom.lan:3000', ...headers } });
const refused = (f: () => void) => {
  try {
    f();
    return false;
  } catch (e) {
    return isAppError(e) && e.code === 'forbidden';
  }
};

describe('assertSameOrigin', () => {
  it('lets reads and Bearer writes through without an Origin', () => {
    expect(refused(() => assertSameOrigin(req('GET', {}), bySession))).toBe(false);
    expect(refused(() => assertSameOrigin(req('POST', {}), byToken))).toBe(false);
  });

  it('accepts a cookie write from this site: matching Origin, the public URL, or Sec-Fetch-Site same-origin', () => {
    expect(refused(() => assertSameOrigin(req('POST', { origin: 'http://warroom.lan:3000' }), bySession))).toBe(false);
    expect(
      refused(() => assertSameOrigin(req('POST', { origin: 'https://warroom.example.com' }), bySession, 'https://warroom.example.com')),
    ).toBe(false);
    expect(refused(() => assertSameOrigin(req('DELETE', { 'sec-fetch-site': 'same-origin' }), bySession))).toBe(false);
  });

  it('refuses a cookie write from elsewhere or without evidence', () => {
    expect(refused(() => assertSameOrigin(req('POST', {}), bySession))).toBe(true);
    expect(refused(() => assertSameOrigin(req('POST', { origin: 'http://evil.test' }), bySession))).toBe(true);
    expect(refused(() => assertSameOrigin(req('POST', { origin: 'null' }), bySession))).toBe(true);
    expect(refused(() => assertSameOrigin(req('PATCH', { 'sec-fetch-site': 'same-site' }), bySession))).toBe(true);
    expect(refused(() => assertSameOrigin(req('POST', { origin: 'http://warroom.lan:3000.evil.test' }), bySession))).toBe(true);
  });
});

describe('assertSameOriginSocket', () => {
  const h = (headers: Record<string, string>) => new Headers({ host: 'warroom.lan:3000', ...headers });
  const sock = (headers: Record<string, string>, actor: TActor = bySession, publicUrl?: string) =>
    refused(() => assertSameOriginSocket(h(headers), actor, publicUrl));

  it('refuses a cookie socket from another origin, even a same-site one', () => {
    expect(sock({ origin: 'http://warroom.lan:3001' })).toBe(true);
    expect(sock({ origin: 'http://evil.example' })).toBe(true);
    expect(sock({ origin: 'null' })).toBe(true);
    expect(sock({ 'sec-fetch-site': 'same-site' })).toBe(true);
  });

  it('accepts this site, the public URL, a non-browser without Origin, and any token or display link', () => {
    expect(sock({ origin: 'http://warroom.lan:3000' })).toBe(false);
    expect(sock({ origin: 'https://wr.example.com' }, bySession, 'https://wr.example.com')).toBe(false);
    expect(sock({})).toBe(false);
    expect(sock({ origin: 'http://evil.example' }, byToken)).toBe(false);
    expect(sock({ origin: 'http://evil.example' }, { kind: 'display', credentialId: 'c', roomId: 'r' })).toBe(false);
  });
});
