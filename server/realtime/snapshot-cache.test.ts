import { describe, expect, it } from 'vitest';
import type { TRoomSnapshot } from '../../lib/events';
import type { TRoomRow } from '../services/rooms/resolve-room';
import { SnapshotCache } from './snapshot-cache';

const room = { id: 'r1' } as TRoomRow;
function builder() {
  let builds = 0;
  return {
    get builds() {
      return builds;
    },
    build: async () => {
      builds++;
      await new Promise((r) => setTimeout(r, 5));
      return { room, snapshot: { serverTime: builds } as unknown as TRoomSnapshot, restJson: '}' };
    },
  };
}

describe('SnapshotCache', () => {
  it('shares one build among every join of the same instant', async () => {
    const cache = new SnapshotCache(1000);
    const b = builder();
    const got = await Promise.all(Array.from({ length: 100 }, () => cache.get('default', b.build).value));
    expect(b.builds).toBe(1);
    expect(new Set(got).size).toBe(1);
    await cache.get('default', b.build).value;
    expect(b.builds).toBe(1);
  });

  it('builds again after the room changed, and tells a join its snapshot predates the change', async () => {
    const cache = new SnapshotCache(1000);
    const b = builder();
    const first = cache.get('default', b.build);
    await first.value;
    const before = cache.get('default', b.build);
    expect(before.gen).toBe(cache.generation('r1'));
    cache.invalidate('r1');
    expect(cache.generation('r1')).not.toBe(before.gen);
    await cache.get('default', b.build).value;
    expect(b.builds).toBe(2);
  });

  it('expires after its time to live, and does not keep a failed build', async () => {
    const cache = new SnapshotCache(0);
    const b = builder();
    await cache.get('default', b.build).value;
    await cache.get('default', b.build).value;
    expect(b.builds).toBe(2);
    const failing = new SnapshotCache(1000);
    await expect(failing.get('x', () => Promise.reject(new Error('db down'))).value).rejects.toThrow('db down');
    await failing.get('x', b.build).value;
    expect(b.builds).toBe(3);
  });
});
