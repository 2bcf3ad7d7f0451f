import type { TServiceContext } from '../../context';
import type { TSeriesChange } from '../../db/sample-store';

/**
 * Records the crossing of any milestone that a batch of headline samples
 * passed: reachedAt is the time of the first sample at or above the
 * threshold, written once (a conditional update, so two batches racing, or
 * two processes, cannot overwrite it). Emits room.changed when one was
 * recorded, so every wall refetches and celebrates. Returns the ids recorded.
 */
export async function recordMilestoneCrossings(opts: {
  ctx: TServiceContext;
  roomId: string;
  changes: TSeriesChange[];
}): Promise<string[]> {
  const { ctx, roomId } = opts;
  const unlabelled = opts.changes.filter((c) => c.labelsKey === '');
  if (unlabelled.length === 0) return [];
  const pending = await ctx.prisma.milestone.findMany({
    where: { roomId, reachedAt: null, seriesName: { in: unlabelled.map((c) => c.name) } },
    orderBy: { threshold: 'asc' },
  });
  const recorded: string[] = [];
  for (const m of pending) {
    const change = unlabelled.find((c) => c.name === m.seriesName);
    const first = change?.points.find(([, v]) => v >= m.threshold);
    if (!first) continue;
    const { count } = await ctx.prisma.milestone.updateMany({
      where: { id: m.id, reachedAt: null },
      data: { reachedAt: new Date(first[0]) },
    });
    if (count > 0) recorded.push(m.id);
  }
  if (recorded.length > 0) ctx.bus.emit('room.changed', { roomId });
  return recorded;
}
