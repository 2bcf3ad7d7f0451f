import { defaultMilestoneLabel, type TMilestoneInput } from '../../../lib/api/room-requests';
import type { TServiceContext } from '../../context';
import { AppError, isUniqueViolation } from '../../errors';
import type { TActor } from '../access/actor';
import { milestoneDto } from './room-settings-dto';
import { roomFor } from './room-for';

/**
 * Adds a milestone (lead+). One the series has already passed is recorded
 * as reached at the time of its first sample at or above the threshold, so
 * it is not celebrated as if it had just happened.
 */
export async function addMilestone(opts: { ctx: TServiceContext; actor: TActor; slug: string; input: TMilestoneInput }) {
  const { ctx, input } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const series = await ctx.prisma.metricSeries.findUnique({
    where: { roomId_name_labelsKey: { roomId: room.id, name: input.seriesName, labelsKey: '' } },
  });
  let reachedAt: Date | null = null;
  if (series?.latestValue != null && series.latestValue >= input.threshold) {
    const first = await ctx.prisma.metricSample.findFirst({
      where: { seriesId: series.id, value: { gte: input.threshold } },
      orderBy: { time: 'asc' },
    });
    reachedAt = first?.time ?? series.latestTime ?? new Date();
  }
  try {
    const m = await ctx.prisma.milestone.create({
      data: {
        roomId: room.id,
        seriesName: input.seriesName,
        threshold: input.threshold,
        label: input.label ?? defaultMilestoneLabel(input.seriesName, input.threshold, room.locale === 'zh' ? 'zh' : 'en'),
        reachedAt,
      },
    });
    ctx.bus.emit('room.changed', { roomId: room.id });
    return milestoneDto(m);
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('conflict', `${input.seriesName} already has a milestone at ${input.threshold}`, [
        { field: 'threshold', message: 'a milestone with this threshold exists' },
      ]);
    throw err;
  }
}
