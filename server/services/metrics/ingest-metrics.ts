import type { TServiceContext } from '../../context';
import type { TIngestBody } from '../../../lib/api/metric-points';
import { groupPoints, type TSampleRow } from '../../db/sample-store';
import { labelsKey } from '../../../lib/series';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { AppError } from '../../errors';
import { boundProblem, parseSeriesBounds, stepProblem, type TSeriesBounds } from '../../../lib/series-bounds';

/**
 * Refuses the whole batch when a point is outside its series' bounds, naming
 * the first such point. A step is measured from the previous point of the
 * same series and label set: the one before it in the batch, or the stored
 * latest value when that is older (a backfill older than the latest value is
 * checked against the batch only).
 */
async function checkBounds(ctx: TServiceContext, roomId: string, rows: TSampleRow[], bounds: TSeriesBounds): Promise<void> {
  const problems: { index: number; message: string }[] = [];
  const stepped = [...new Set(rows.filter((r) => bounds[r.name]?.maxStep != null).map((r) => r.name))];
  const latest = new Map<string, { time: number; value: number }>();
  if (stepped.length > 0) {
    const series = await ctx.prisma.metricSeries.findMany({
      where: { roomId, name: { in: stepped } },
      select: { name: true, labelsKey: true, latestValue: true, latestTime: true },
    });
    for (const s of series)
      if (s.latestTime && s.latestValue !== null)
        latest.set(`${s.name}\u0000${s.labelsKey}`, { time: s.latestTime.getTime(), value: s.latestValue });
  }
  // Time order per series, so each point is compared with the one before it.
  const order = rows.map((_, i) => i).sort((a, b) => rows[a]!.time - rows[b]!.time);
  for (const i of order) {
    const r = rows[i]!;
    const bound = bounds[r.name];
    if (!bound) continue;
    let problem = boundProblem(r.name, r.value, bound);
    const key = `${r.name}\u0000${r.labelsKey}`;
    const prev = latest.get(key);
    if (!problem && prev && prev.time <= r.time) problem = stepProblem(r.name, prev.value, r.value, bound);
    if (problem) problems.push({ index: i, message: problem });
    else if (bound.maxStep != null) latest.set(key, { time: r.time, value: r.value });
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.index - b.index);
    const first = problems[0]!;
    throw new AppError(
      'validation_failed',
      `point ${first.index} (${rows[first.index]!.name}) ${first.message}; nothing was stored`,
      problems.slice(0, 20).map((p) => ({ field: `points.${p.index}.value`, message: p.message })),
    );
  }
}

/**
 * Stores a validated batch in one transaction, then announces it. The batch
 * is all-or-nothing: validation happened before, and the write is atomic.
 */
export async function ingestMetrics(opts: {
  ctx: TServiceContext;
  actor: TActor;
  input: TIngestBody;
  now?: number;
}): Promise<{ accepted: number }> {
  const { ctx, actor, input } = opts;
  // An ingest key bound to one room writes there when the body names none.
  const room = await roomFor({ ctx, actor, slug: input.room, permission: 'metrics:write' });
  const roomId = room.id;

  const now = opts.now ?? Date.now();
  // Bounds are rare and per room: only a room that set some pays for the check.
  const bounds = parseSeriesBounds(room.seriesBounds);
  if (Object.keys(bounds).length > 0) {
    const rows: TSampleRow[] = input.points.map((p) => ({
      name: p.name,
      labelsKey: labelsKey(p.labels),
      time: p.time === undefined ? now : typeof p.time === 'number' ? p.time : Date.parse(p.time),
      value: p.value,
    }));
    await checkBounds(ctx, roomId, rows, bounds);
  }
  const groups = groupPoints(input.points, now);
  const changes = await ctx.samples.insertGroups(roomId, groups);
  const points = input.points.length;
  ctx.bus.emit('metrics.ingested', { roomId, changes, at: Date.now(), points });
  return { accepted: points };
}
