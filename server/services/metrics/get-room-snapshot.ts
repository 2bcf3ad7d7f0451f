import type { TServiceContext } from '../../context';
import { decimate } from '../../../lib/decimate';
import { HEADLINE_SERIES, parseLabelsKey } from '../../../lib/series';
import type { TSeriesPoints } from '../../../lib/api/metric-points';
import type { TRoomSnapshot } from '../../../lib/events';
import { toRoomDto, type TRoomRow } from '../rooms/resolve-room';
import { listLatest } from './list-latest';

const HISTORY_WINDOW_MS = 24 * 3600_000;
const HISTORY_MAX_POINTS = 1000;

/**
 * What a screen needs when it (re)connects: the room, every latest value,
 * the headline series' recent history (decimated), milestones, annotations,
 * and the server's clock.
 */
export async function getRoomSnapshot(opts: { ctx: TServiceContext; room: TRoomRow; now?: number }): Promise<TRoomSnapshot> {
  const { ctx, room } = opts;
  const now = opts.now ?? Date.now();
  const [latest, headline, milestones, annotations] = await Promise.all([
    listLatest({ ctx, roomId: room.id }),
    ctx.prisma.metricSeries.findMany({
      where: { roomId: room.id, name: { in: [HEADLINE_SERIES.users, HEADLINE_SERIES.online] }, labelsKey: '' },
    }),
    ctx.prisma.milestone.findMany({ where: { roomId: room.id }, orderBy: { threshold: 'asc' } }),
    ctx.prisma.annotation.findMany({
      where: { roomId: room.id, time: { gte: new Date(now - HISTORY_WINDOW_MS) } },
      orderBy: { time: 'asc' },
    }),
  ]);
  const history: TSeriesPoints[] = await Promise.all(
    headline.map(async (s) => ({
      name: s.name,
      labels: parseLabelsKey(s.labelsKey),
      points: decimate(await ctx.samples.readRange(s.id, now - HISTORY_WINDOW_MS, now + 60_000), HISTORY_MAX_POINTS),
    })),
  );
  return {
    room: toRoomDto(room),
    serverTime: now,
    latest,
    history,
    milestones: milestones.map((m) => ({
      id: m.id,
      seriesName: m.seriesName,
      threshold: m.threshold,
      label: m.label,
      reachedAt: m.reachedAt?.toISOString() ?? null,
    })),
    annotations: annotations.map((a) => ({ id: a.id, time: a.time.toISOString(), label: a.label })),
  };
}
