import type { TServiceContext } from '../context';
import { recordMilestoneCrossings } from '../services/rooms/record-milestone-crossings';

/**
 * Watches ingested metrics for milestone crossings. Runs after the ingest
 * transaction committed, off the request's path. To keep ingest cheap it
 * remembers, per room, the lowest threshold still pending per series and
 * only asks the database when a batch reaches one; any room change (a
 * milestone added or removed, one recorded) forgets that room's cache.
 */
export function startMilestoneCrossings(ctx: TServiceContext): () => void {
  const lowestPending = new Map<string, Map<string, number>>();
  let chain = Promise.resolve();

  async function pendingOf(roomId: string): Promise<Map<string, number>> {
    let m = lowestPending.get(roomId);
    if (!m) {
      const rows = await ctx.prisma.milestone.findMany({ where: { roomId, reachedAt: null }, select: { seriesName: true, threshold: true } });
      m = new Map();
      for (const r of rows) m.set(r.seriesName, Math.min(r.threshold, m.get(r.seriesName) ?? Infinity));
      lowestPending.set(roomId, m);
    }
    return m;
  }

  const offIngest = ctx.bus.on('metrics.ingested', (e) => {
    // One at a time: two batches crossing the same milestone are recorded once, in order.
    chain = chain
      .then(async () => {
        const pending = await pendingOf(e.roomId);
        const reaches = e.changes.some((c) => c.labelsKey === '' && c.points.some(([, v]) => v >= (pending.get(c.name) ?? Infinity)));
        if (!reaches) return;
        lowestPending.delete(e.roomId);
        await recordMilestoneCrossings({ ctx, roomId: e.roomId, changes: e.changes });
      })
      .catch((err) => console.error('milestone crossing check failed:', err));
  });
  const offChanged = ctx.bus.on('room.changed', (e) => void lowestPending.delete(e.roomId));
  return () => {
    offIngest();
    offChanged();
  };
}
