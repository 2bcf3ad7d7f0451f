import type { TServiceContext } from '../context';
import { recordMilestoneCrossings } from '../services/rooms/record-milestone-crossings';

/**
 * Watches ingested metrics for milestone crossings. Runs after the ingest
 * transaction committed, off the request's path. To keep ingest cheap it
 * remembers, per room, the lowest threshold still pending per series and
 * only asks the database when a batch reaches one; any room change (a
 * milestone added or removed, one recorded — on this process or, through
 * Redis, on another) forgets that room's cache, and the cache is re-read at
 * least every few seconds. Recording is a conditional update, so a milestone
 * is crossed exactly once however many processes see the batch that reaches it.
 */
/** a safety net for a missed cross-process change: the pending thresholds are re-read at least this often */
const PENDING_TTL_MS = 5000;

export function startMilestoneCrossings(ctx: TServiceContext): () => void {
  const lowestPending = new Map<string, { at: number; min: Map<string, number> }>();
  let chain = Promise.resolve();

  async function pendingOf(roomId: string): Promise<Map<string, number>> {
    const cached = lowestPending.get(roomId);
    if (cached && Date.now() - cached.at < PENDING_TTL_MS) return cached.min;
    const rows = await ctx.prisma.milestone.findMany({ where: { roomId, reachedAt: null }, select: { seriesName: true, threshold: true } });
    const m = new Map<string, number>();
    for (const r of rows) m.set(r.seriesName, Math.min(r.threshold, m.get(r.seriesName) ?? Infinity));
    lowestPending.set(roomId, { at: Date.now(), min: m });
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
  const offElsewhere = ctx.bus.on('room.changed.elsewhere', (e) => void lowestPending.delete(e.roomId));
  return () => {
    offIngest();
    offChanged();
    offElsewhere();
  };
}
