import { describe, expect, it } from 'vitest';
import type { TRoomSnapshot } from '../events';
import { mergeUpdate } from './merge-update';

const base: TRoomSnapshot = {
  room: {
    id: 'r',
    slug: 'launch',
    name: 'L',
    locale: 'en',
    timeZone: 'UTC',
    goLiveAt: null,
    idleClaimMinutes: 15,
    staleAfterSeconds: 30,
    isDefault: true,
    archived: false,
    escalation: { SEV1: 5, SEV2: 15, SEV3: null, SEV4: null },
  },
  serverTime: 1000,
  latest: [{ name: 'users_total', labels: {}, value: 100, time: new Date(1000).toISOString() }],
  history: [{ name: 'users_total', labels: {}, points: [[1000, 100]] }],
  milestones: [],
  annotations: [],
};

describe('mergeUpdate', () => {
  it('moves latest forward and appends chart points', () => {
    const next = mergeUpdate(base, {
      roomId: 'r',
      serverTime: 2000,
      latest: [{ name: 'users_total', labels: {}, value: 120, time: new Date(2000).toISOString() }],
      points: [
        {
          name: 'users_total',
          labels: {},
          points: [
            [1500, 110],
            [2000, 120],
          ],
        },
      ],
    });
    expect(next.latest[0]!.value).toBe(120);
    expect(next.history[0]!.points).toEqual([
      [1000, 100],
      [1500, 110],
      [2000, 120],
    ]);
    expect(next.serverTime).toBe(2000);
  });

  it('never steps a number backwards when an older push arrives late', () => {
    const newer = mergeUpdate(base, {
      roomId: 'r',
      serverTime: 3000,
      latest: [{ name: 'users_total', labels: {}, value: 130, time: new Date(3000).toISOString() }],
      points: [],
    });
    const late = mergeUpdate(newer, {
      roomId: 'r',
      serverTime: 2500,
      latest: [{ name: 'users_total', labels: {}, value: 110, time: new Date(2000).toISOString() }],
      points: [{ name: 'users_total', labels: {}, points: [[2000, 110]] }],
    });
    expect(late.latest[0]!.value).toBe(130);
    expect(late.history[0]!.points).toEqual([
      [1000, 100],
      [2000, 110],
    ]);
  });

  it('adds series it has not seen', () => {
    const next = mergeUpdate(base, {
      roomId: 'r',
      serverTime: 2000,
      latest: [{ name: 'cpu_ratio', labels: { server: 'web-1' }, value: 0.5, time: new Date(2000).toISOString() }],
      points: [{ name: 'users_online', labels: {}, points: [[2000, 5]] }],
    });
    expect(next.latest).toHaveLength(2);
    expect(next.history.map((h) => h.name)).toEqual(['users_total', 'users_online']);
  });
});
