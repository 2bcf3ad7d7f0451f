import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustProxy } from './client-address';

describe('client address behind WARROOM_TRUST_PROXY', () => {
  it('is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', parseTrustProxy(undefined))).toBe('203.0.113.9');
  });
  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', parseTrustProxy('loopback'))).toBe('203.0.113.9');
  });
  it('takes the address a trusted proxy appended, not what the client wrote before it', () => {
    const trust = parseTrustProxy('loopback');
    expect(clientAddress('127.0.0.1', '198.51.100.1', trust)).toBe('198.51.100.1');
    expect(clientAddress('::ffff:127.0.0.1', '6.6.6.6, 198.51.100.1', trust)).toBe('198.51.100.1');
    expect(clientAddress('::1', ['6.6.6.6', '198.51.100.1'], trust)).toBe('198.51.100.1');
  });
  it('skips a chain of trusted proxies (CIDR list)', () => {
    const trust = parseTrustProxy('10.0.0.0/8, 127.0.0.1');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 198.51.100.7, 10.1.2.3', trust)).toBe('198.51.100.7');
  });
  it('keeps the peer when the header is garbage', () => {
    expect(clientAddress('127.0.0.1', 'not-an-ip', parseTrustProxy('loopback'))).toBe('127.0.0.1');
  });
  it('refuses a value that is no address', () => {
    expect(() => parseTrustProxy('everyone')).toThrow(/WARROOM_TRUST_PROXY/);
  });
});
