import { describe, expect, it } from 'vitest';
import { isNewer, severityOfLabel } from './post-alertmanager';
import { nextProbeState } from './record-probe-result';
import { mergeProbe } from '../../../lib/client/use-probes';
import type { TProbe } from '../../../lib/api/signals';

describe('probe state', () => {
  const p = { state: 'pending', failStreak: 0, okStreak: 0, downAfter: 3, upAfter: 2 };
  it('goes down after N failures in a row, and up after M successes from down', () => {
    let s = { ...p };
    for (const ok of [false, false]) s = { ...s, ...nextProbeState(s, ok) };
    expect(s.state).toBe('pending');
    s = { ...s, ...nextProbeState(s, false) };
    expect(s.state).toBe('down');
    s = { ...s, ...nextProbeState(s, true) };
    expect(s.state).toBe('down');
    s = { ...s, ...nextProbeState(s, true) };
    expect(s).toMatchObject({ state: 'up', okStreak: 2, failStreak: 0 });
  });
  it('one success makes a pending probe up; a failure short of N keeps an up probe up', () => {
    expect(nextProbeState(p, true).state).toBe('up');
    expect(nextProbeState({ ...p, state: 'up' }, false).state).toBe('up');
  });
});

describe('Alertmanager', () => {
  it('maps severity labels as the contract says', () => {
    expect(['critical', 'error', 'high', 'warning', 'info', 'page', undefined].map(severityOfLabel)).toEqual([
      'SEV1',
      'SEV2',
      'SEV2',
      'SEV3',
      'SEV4',
      'SEV3',
      'SEV3',
    ]);
  });
  it('orders deliveries of one alert by startsAt, resolved after firing', () => {
    const t = new Date('2026-11-28T20:19:00Z');
    expect(isNewer({ status: 'firing', startsAt: t.getTime() }, undefined)).toBe(true);
    expect(isNewer({ status: 'firing', startsAt: t.getTime() }, { status: 'firing', startsAt: t })).toBe(false);
    expect(isNewer({ status: 'resolved', startsAt: t.getTime() }, { status: 'firing', startsAt: t })).toBe(true);
    expect(isNewer({ status: 'firing', startsAt: t.getTime() }, { status: 'resolved', startsAt: t })).toBe(false);
    expect(isNewer({ status: 'firing', startsAt: t.getTime() + 1 }, { status: 'resolved', startsAt: t })).toBe(true);
  });
});

describe('probe pushes', () => {
  const probe = (id: string, name: string, roomId = 'r1') => ({ id, name, roomId }) as TProbe;
  it('replace, add and remove by id, only for the list’s own room', () => {
    const list = { roomId: 'r1', probes: [probe('a', 'alpha')], serverTime: 1 };
    expect(mergeProbe(list, { roomId: 'r1', probeId: 'b', probe: probe('b', 'beta'), serverTime: 2 })!.probes.map((x) => x.id)).toEqual([
      'a',
      'b',
    ]);
    expect(mergeProbe(list, { roomId: 'r1', probeId: 'a', probe: null, serverTime: 2 })!.probes).toEqual([]);
    expect(mergeProbe(list, { roomId: 'r2', probeId: 'c', probe: probe('c', 'c', 'r2'), serverTime: 2 })).toBe(list);
  });
});
