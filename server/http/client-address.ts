import { BlockList, isIP } from 'node:net';

/**
 * Which proxies may name the client (WARROOM_TRUST_PROXY): `loopback`, or a
 * comma-separated list of addresses and CIDRs (`10.0.0.0/8, ::1`). Unset:
 * nobody, and the TCP peer is the client.
 */
export function parseTrustProxy(value: string | undefined): BlockList | null {
  if (!value?.trim()) return null;
  const list = new BlockList();
  for (const raw of value.split(',')) {
    const item = raw.trim();
    if (!item) continue;
    if (item === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [addr, bits] = item.split('/') as [string, string | undefined];
    const kind = isIP(addr);
    if (!kind) throw new Error(`WARROOM_TRUST_PROXY: "${item}" is not an address, a CIDR or "loopback"`);
    const type = kind === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(addr, type);
    else list.addSubnet(addr, Number(bits), type);
  }
  return list;
}

function trusted(list: BlockList, address: string): boolean {
  const a = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  const kind = isIP(a);
  return kind !== 0 && list.check(a, kind === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy —
 * then the right-most X-Forwarded-For entry not itself a trusted proxy (the
 * left part of the header is whatever the client wrote, so it is never believed).
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trust: BlockList | null): string {
  const remote = peer ?? 'unknown';
  if (!trust || !forwardedFor || !trusted(trust, remote)) return remote;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return remote;
    if (!trusted(trust, hop) || i === 0) return hop;
  }
  return remote;
}
