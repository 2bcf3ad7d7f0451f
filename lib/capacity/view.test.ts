import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import zh from '../../messages/zh.json';
import type { TCapacityAnswer } from '../api/capacity';
import { capacityView } from './view';

const T = Date.parse('2026-11-28T22:30:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const answer = (
  o: { sat?: number | null; n1?: number | null; loadAge?: number; util?: number | null; load?: number | null } = {},
): TCapacityAnswer => ({
  model: { series: 'users_online', perServer: 20_000, perServerSeries: null, targetUtilization: 0.8, leadMinutes: 30, updatedAt: iso(T) },
  now: {
    at: iso(T),
    load: o.load === undefined ? 576_000 : o.load,
    loadAt: iso(T - (o.loadAge ?? 5_000)),
    healthyServers: 40,
    capacity: 800_000,
    limit: 640_000,
    utilization: o.util === undefined ? 0.72 : o.util,
    nPlusOneLimit: 624_000,
  },
  forecast: [],
  saturatesAt: o.sat === undefined ? iso(T + 38 * 60_000) : o.sat === null ? null : iso(T + o.sat * 60_000),
  nPlusOneSaturatesAt: o.n1 === undefined ? iso(T + 21 * 60_000) : o.n1 === null ? null : iso(T + o.n1 * 60_000),
  history: [],
  serverTime: T,
  staleAfterSeconds: 30,
});

describe('capacityView', () => {
  it('says the issue’s line, coloured by the lead time', () => {
    expect(capacityView(answer(), T, en.capacity, 'en')).toMatchObject({
      text: 'pool 72 % · full in ~38 min · N+1 in ~21 min',
      level: 'warn',
      stale: false,
    });
    expect(capacityView(answer({ sat: 12, n1: 3 }), T, en.capacity, 'en')!.level).toBe('crit');
    expect(capacityView(answer({ sat: null, n1: null }), T, en.capacity, 'en')).toMatchObject({
      level: 'ok',
      text: 'pool 72 % · not full within 1 h · N+1 ok',
    });
    expect(capacityView(answer({ sat: 0, n1: 0 }), T, en.capacity, 'en')!.text).toBe('pool 72 % · full now · N+1 full now');
  });
  it('goes stale with the load on the server clock, and says how long', () => {
    const v = capacityView(answer({ loadAge: 5_000 }), T + 60_000, en.capacity, 'en')!;
    expect(v.stale).toBe(true);
    expect(v.staleText).toBe('stale 1 min');
    expect(capacityView(answer(), T + 20_000, en.capacity, 'en')!.stale).toBe(false);
  });
  it('counts seconds under a minute (a replay at speed)', () => {
    const a = answer({ sat: 0.4, n1: 0.1 });
    expect(capacityView(a, T, en.capacity, 'en')!.text).toBe('pool 72 % · full in ~24 s · N+1 in ~6 s');
  });
  it('speaks Chinese', () => {
    expect(capacityView(answer(), T, zh.capacity, 'zh')!.text).toBe('资源池 72% · 约 38分钟后满载 · N+1 约 21分钟');
  });
  it('is nothing without a model, and says so without load', () => {
    expect(capacityView({ ...answer(), model: null, now: null }, T, en.capacity, 'en')).toBeNull();
    expect(capacityView(answer({ load: null, util: null }), T, en.capacity, 'en')).toMatchObject({ level: 'none', text: 'no load yet' });
  });
});
