import { describe, expect, it } from 'vitest';
import { addToDays, componentState, dayKey, lastDays, pageIndicator } from './derive';

describe('componentState', () => {
  const base = { manualStatus: null, probe: null, degradedAfterMs: null, inMaintenance: false } as const;
  it('is operational without a probe', () => expect(componentState(base)).toBe('operational'));
  it('follows the probe: down is a major outage, slow is degraded', () => {
    expect(componentState({ ...base, probe: { state: 'down', lastLatencyMs: 10 } })).toBe('major_outage');
    expect(componentState({ ...base, probe: { state: 'up', lastLatencyMs: 900 }, degradedAfterMs: 800 })).toBe('degraded_performance');
    expect(componentState({ ...base, probe: { state: 'up', lastLatencyMs: 799 }, degradedAfterMs: 800 })).toBe('operational');
    expect(componentState({ ...base, probe: { state: 'up', lastLatencyMs: 5000 } })).toBe('operational');
    expect(componentState({ ...base, probe: { state: 'paused', lastLatencyMs: 5000 }, degradedAfterMs: 1 })).toBe('operational');
  });
  it('a state set by hand wins over the probe and a maintenance', () => {
    expect(
      componentState({ ...base, manualStatus: 'partial_outage', probe: { state: 'down', lastLatencyMs: 1 }, inMaintenance: true }),
    ).toBe('partial_outage');
  });
  it('a maintenance in progress shows unless set by hand', () => {
    expect(componentState({ ...base, inMaintenance: true, probe: { state: 'down', lastLatencyMs: 1 } })).toBe('under_maintenance');
  });
});

describe('pageIndicator', () => {
  it('takes the worse of components and open incidents', () => {
    expect(pageIndicator(['operational'], [], false)).toBe('none');
    expect(pageIndicator(['degraded_performance'], [], false)).toBe('minor');
    expect(pageIndicator(['operational'], ['critical'], false)).toBe('critical');
    expect(pageIndicator(['partial_outage'], ['minor'], false)).toBe('major');
    expect(pageIndicator(['major_outage'], ['none'], true)).toBe('critical');
  });
  it('says maintenance only when nothing is worse', () => {
    expect(pageIndicator(['under_maintenance'], [], true)).toBe('maintenance');
    expect(pageIndicator(['under_maintenance'], ['minor'], true)).toBe('minor');
  });
});

describe('uptime days', () => {
  it('counts in the room time zone', () => {
    const t = Date.UTC(2026, 11, 5, 17, 0); // 01:00 on the 6th in Shanghai
    expect(dayKey(t, 'UTC')).toBe('2026-12-05');
    expect(dayKey(t, 'Asia/Shanghai')).toBe('2026-12-06');
    const days = new Map<string, [number, number]>();
    addToDays(
      days,
      [
        [t, 1],
        [t + 1000, 0],
        [t + 2000, 1],
      ],
      'Asia/Shanghai',
    );
    expect(days.get('2026-12-06')).toEqual([2, 3]);
  });
  it('lists 90 distinct days ending today', () => {
    const d = lastDays(Date.UTC(2026, 11, 6, 12), 'UTC', 90);
    expect(d).toHaveLength(90);
    expect(d.at(-1)).toBe('2026-12-06');
    expect(d[0]).toBe('2026-09-08');
  });
});
