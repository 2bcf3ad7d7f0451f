import type { TServiceContext } from '../../context';
import type { TChartPoint } from '../../../lib/series';

/** Every stored sample of an unlabelled series between two times (inclusive), oldest first; [] when the series does not exist. */
export async function readSeries(opts: {
  ctx: TServiceContext;
  roomId: string;
  name: string;
  from: number;
  to: number;
}): Promise<TChartPoint[]> {
  const { ctx, roomId, name } = opts;
  const s = await ctx.prisma.metricSeries.findUnique({
    where: { roomId_name_labelsKey: { roomId, name, labelsKey: '' } },
    select: { id: true },
  });
  return s ? ctx.samples.readRange(s.id, opts.from, opts.to) : [];
}
