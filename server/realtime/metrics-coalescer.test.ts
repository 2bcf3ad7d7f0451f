import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TMetricsUpdate } from '../../lib/events';
import { MetricsCoalescer } from './metrics-coalescer';

const change = (name: string, t: number, v: number, labelsKey = '') => ({
  seriesId: 1,
  name,
  labelsKey,
  latestTime: t,
  latestValue: v,
  points: [[t, v]] as [number, number][],
});

describe('MetricsCoalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the first change at once and then at most once per interval', () => {
    const sent: TMetricsUpdate[] = [];
    const c = new MetricsCoalescer(200, (_room, u) => sent.push(u));
    c.add('r', [change('users_total', 1, 10)]);
    vi.advanceTimersByTime(0);
    expect(sent).toHaveLength(1);
    for (let i = 2; i <= 100; i++) {
      c.add('r', [change('users_total', i, i * 10)]);
      vi.advanceTimersByTime(10); // 100 batches over one second
    }
    vi.advanceTimersByTime(200);
    expect(sent.length).toBeLessThanOrEqual(7);
    expect(sent.at(-1)!.latest[0]!.value).toBe(1000);
    // Every point reached a screen exactly once.
    const pts = sent.flatMap((u) => u.points.flatMap((p) => p.points.map(([t]) => t)));
    expect(pts).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    c.stop();
  });

  it('keeps rooms apart and carries only latest values for labelled series', () => {
    const sent: [string, TMetricsUpdate][] = [];
    const c = new MetricsCoalescer(200, (room, u) => sent.push([room, u]));
    c.add('a', [change('cpu_ratio', 5, 0.5, '{"server":"web-1"}')]);
    c.add('b', [change('users_total', 5, 1)]);
    vi.advanceTimersByTime(0);
    expect(sent.map(([r]) => r).sort()).toEqual(['a', 'b']);
    const a = sent.find(([r]) => r === 'a')![1];
    expect(a.latest[0]!.labels).toEqual({ server: 'web-1' });
    expect(a.points).toEqual([]);
    c.stop();
  });

  it('never lets an older change overwrite a newer latest value within a push', () => {
    const sent: TMetricsUpdate[] = [];
    const c = new MetricsCoalescer(200, (_r, u) => sent.push(u));
    c.add('r', [change('users_total', 1, 1)]);
    vi.advanceTimersByTime(0);
    c.add('r', [change('users_total', 30, 300)]);
    c.add('r', [change('users_total', 20, 200)]);
    vi.advanceTimersByTime(250);
    expect(sent.at(-1)!.latest[0]!.value).toBe(300);
    expect(sent.at(-1)!.points[0]!.points).toEqual([
      [20, 200],
      [30, 300],
    ]);
    c.stop();
  });
});
