import { describe, expect, it } from 'vitest';
import { compareBySeverityThenAge, eliminationLine, formatAge, isIdleClaim, needsOwner } from '../incidents';
import { ZCreateIncident } from './incident-requests';

describe('incident rules shared by server and screens', () => {
  const claimed = {
    owner: { id: 'u', name: 'Ana' },
    status: 'investigating' as const,
    claimedAt: '2026-01-01T00:00:00Z',
    ownerActiveAt: '2026-01-01T00:00:00Z',
    idleClaimMinutes: 15,
  };
  const t0 = Date.parse('2026-01-01T00:00:00Z');

  it("flags a claim idle after the room's minutes without the owner posting", () => {
    expect(isIdleClaim(claimed, t0 + 14 * 60_000)).toBe(false);
    expect(isIdleClaim(claimed, t0 + 15 * 60_000)).toBe(true);
    expect(isIdleClaim({ ...claimed, owner: null }, t0 + 60 * 60_000)).toBe(false);
    expect(isIdleClaim({ ...claimed, status: 'resolved' }, t0 + 60 * 60_000)).toBe(false);
  });

  it('sorts by severity, then oldest first', () => {
    const rows = [
      { severity: 'SEV3' as const, createdAt: '2026-01-01T00:00:00Z' },
      { severity: 'SEV1' as const, createdAt: '2026-01-01T00:10:00Z' },
      { severity: 'SEV1' as const, createdAt: '2026-01-01T00:05:00Z' },
    ];
    expect([...rows].sort(compareBySeverityThenAge).map((r) => `${r.severity}@${r.createdAt.slice(14, 16)}`)).toEqual([
      'SEV1@05',
      'SEV1@10',
      'SEV3@00',
    ]);
  });

  it('says how long it took to rule something out', () => {
    const f = {
      id: 'f',
      text: 'middleware',
      state: 'ruled_out' as const,
      createdBy: null,
      createdAt: '',
      decidedBy: null,
      decidedAt: '2026-01-01T00:05:10Z',
    };
    expect(eliminationLine(f, '2026-01-01T00:00:00Z')).toBe('middleware ruled out after 5 min');
    expect(eliminationLine({ ...f, state: 'open', decidedAt: null }, '2026-01-01T00:00:00Z')).toBe('middleware?');
  });

  it('marks unowned SEV1/SEV2 and formats ages', () => {
    expect(needsOwner({ owner: null, severity: 'SEV2', status: 'investigating' })).toBe(true);
    expect(needsOwner({ owner: null, severity: 'SEV3', status: 'investigating' })).toBe(false);
    expect(formatAge(3 * 60_000)).toBe('3 min');
    expect(formatAge(125 * 60_000)).toBe('2 h 5 min');
  });

  it('names each bad field of a new incident', () => {
    const r = ZCreateIncident.safeParse({ title: '  ', severity: 'SEV0' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['severity', 'title']);
  });
});
