import type { TServiceContext } from '../../context';
import { parseLabelsKey } from '../../../lib/series';
import type { TSeriesLatest } from '../../../lib/api/metric-points';

/** The latest value of every series in a room that has one. */
export async function listLatest(opts: { ctx: TServiceContext; roomId: string }): Promise<TSeriesLatest[]> {
  const rows = await opts.ctx.prisma.metricSeries.findMany({
    where: { roomId: opts.roomId, latestTime: { not: null } },
    orderBy: [{ name: 'asc' }, { labelsKey: 'asc' }],
  });
  return rows.map((r) => ({
    name: r.name,
    labels: parseLabelsKey(r.labelsKey),
    value: r.latestValue!,
    time: r.latestTime!.toISOString(),
  }));
}
