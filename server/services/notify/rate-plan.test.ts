import { describe, expect, it } from 'vitest';
import { liveWindow, planSends } from './rate-plan';

describe('planSends', () => {
  it('sends each alone in the first half of the budget, then paced digests', () => {
    const sent = (n: number) => Array.from({ length: n }, (_, i) => i * 100);
    expect(planSends([1, 2, 3], [], 20, 0)).toEqual([[1], [2], [3]]);
    expect(planSends([1, 2, 3], sent(9), 20, 30_000)).toEqual([[1, 2, 3]]);
    // Paced: 10 left for the 30 s before the oldest send leaves the window, the last one 100 ms ago.
    expect(planSends([1, 2, 3], sent(10), 20, 1000)).toEqual([]);
    expect(planSends([1], sent(19), 20, 59_000)).toEqual([[1]]);
    expect(planSends([1], sent(20), 20, 59_000)).toEqual([]);
  });

  it('a storm of 200 incidents in a minute reaches a 20/min channel as at most 20 messages in any minute, naming all', () => {
    for (let seed = 1; seed <= 20; seed++) {
      let x = seed;
      const rand = () => {
        x = (x * 48271) % 2147483647;
        return x / 2147483647;
      };
      // 200 arrivals at random times in the first minute, one tick a second (the worker's pace is faster, which only helps).
      const arrivals = Array.from({ length: 200 }, (_, i) => ({ id: i, at: Math.floor(rand() * 60_000) })).sort((a, b) => a.at - b.at);
      let sends: number[] = [];
      const allSends: number[] = [];
      const named = new Set<number>();
      let waiting: number[] = [];
      let next = 0;
      for (let now = 0; now <= 5 * 60_000; now += 1000) {
        while (next < arrivals.length && (arrivals[next]?.at ?? Infinity) <= now) waiting.push(arrivals[next++]?.id ?? -1);
        sends = liveWindow(sends, now);
        for (const batch of planSends(waiting, sends, 20, now)) {
          sends.push(now);
          allSends.push(now);
          for (const id of batch) named.add(id);
          waiting = waiting.filter((w) => !batch.includes(w));
        }
      }
      expect(named.size).toBe(200);
      // Paced, not stalled: the last incident goes out within the minute after the storm.
      expect(Math.max(...allSends)).toBeLessThan(120_000);
      for (const t of allSends) expect(allSends.filter((s) => s >= t && s < t + 60_000).length).toBeLessThanOrEqual(20);
    }
  });
});
