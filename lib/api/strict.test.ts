import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from './index';
import { INCIDENTS } from './incidents';
import { ROOMS } from './rooms';
import { strictAnswer } from './strict';

describe('strictAnswer: a field the contract does not name fails', () => {
  it('catches a leaked database column: the declared answer tolerates it, the strict one names it', () => {
    const milestone = { id: 'm1', seriesName: 'users_total', threshold: 1e6, label: '1M users', reachedAt: null };
    const leaked = { ...milestone, roomId: 'r1', createdAt: '2026-12-06T00:00:00.000Z' };
    expect(ROOMS.addMilestone.response.safeParse(leaked).success).toBe(true);
    const r = strictAnswer(ROOMS.addMilestone.response).safeParse(leaked);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['roomId', 'createdAt'] });
    expect(strictAnswer(ROOMS.addMilestone.response).safeParse(milestone).success).toBe(true);
    expect(strictAnswer(INCIDENTS.list.response).safeParse({ incidents: [], total: 0 }).success).toBe(false);
  });

  it('reaches nested objects, arrays, nullables and records', () => {
    const settings = {
      room: {
        id: 'r',
        slug: 'main',
        name: 'Main',
        locale: 'en',
        timeZone: 'UTC',
        goLiveAt: null,
        idleClaimMinutes: 15,
        staleAfterSeconds: 30,
        isDefault: true,
        escalation: { SEV1: 5, SEV2: 15, SEV3: null, SEV4: null },
      },
      milestones: [{ id: 'm', seriesName: 'users_total', threshold: 1, label: '1 users', reachedAt: null }],
      annotations: [],
      safetyLines: [],
    };
    const S = strictAnswer(ROOMS.settings.response);
    expect(S.safeParse(settings).success).toBe(true);
    expect(S.safeParse({ ...settings, room: { ...settings.room, ingestKeyHash: 'x' } }).success).toBe(false);
    expect(S.safeParse({ ...settings, milestones: [{ ...settings.milestones[0], createdById: 'u' }] }).success).toBe(false);
  });

  it('builds for every endpoint answer in the table', () => {
    for (const e of ENDPOINTS) if (e.response) expect(() => strictAnswer(e.response!)).not.toThrow();
  });
});
