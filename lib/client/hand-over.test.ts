import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { answered, handOver } from './hand-over';

const snapshot = (n: number) => ({
  serverTime: n,
  room: { id: 'r1', slug: 'launch' },
  history: [
    {
      name: 'users_total',
      labels: {},
      points: [
        [n, 1],
        [n + 1, 2],
      ] as [number, number][],
    },
  ],
});

describe('handOver', () => {
  it('keeps what a query function answered in the cache, and leaves nothing in the answer', async () => {
    const qc = new QueryClient();
    const fetched: object[] = [];
    const observer = new QueryObserver(qc, {
      queryKey: ['room', 'launch', 'live'],
      queryFn: async () => {
        const snap = answered(snapshot(fetched.length));
        fetched.push(snap);
        return snap;
      },
      structuralSharing: handOver,
    });
    const stop = observer.subscribe(() => {});
    await observer.refetch();
    await observer.refetch();
    stop();
    const data = qc.getQueryData(['room', 'launch', 'live']);
    // The cache has the second join's snapshot whole…
    expect(data).toEqual(snapshot(1));
    // …and neither answer holds its history any longer: whatever keeps a finished fetch's answer keeps an empty object.
    expect(fetched).toHaveLength(2);
    for (const answer of fetched) expect(answer).toEqual({});
    qc.clear();
  });

  it('leaves anything not marked as it is: a merged push, the page’s own snapshot', () => {
    const page = snapshot(5);
    const kept = handOver(undefined, page);
    expect(kept).toBe(page);
    expect(page.history).toHaveLength(1);
    // An unchanged update keeps the previous objects (TanStack's structural sharing).
    const same = snapshot(5);
    expect(handOver(page, same)).toBe(page);
  });

  it('a later answer equal to the cache keeps the cache’s copy (structural sharing), and is emptied too', () => {
    const answer = answered(snapshot(7));
    const kept = handOver(undefined, answer) as ReturnType<typeof snapshot>;
    expect(kept.history[0]!.points).toHaveLength(2);
    expect(answer).toEqual({});
    // Taken over once: the emptied answer seen again is shared like anything else, and the copy is untouched.
    expect(handOver(kept, answer)).toEqual({});
    expect(kept.history[0]!.points).toHaveLength(2);
    const again = answered(snapshot(7));
    // structural sharing against the cache's copy: equal, so the copy stays
    expect(handOver(kept, again)).toBe(kept);
    expect(again).toEqual({});
  });
});
