import type { TServiceContext } from '../../context';
import type { TPlanDto, TPlanInput } from '../../../lib/api/night-report';
import { assertCan, authorOf, type TActor } from '../access/actor';
import { resolveRoom } from '../rooms/resolve-room';
import { toPlanDto } from './list-plans';

/** Sets (replaces) the planned curve of a series (lead+); points are stored sorted by time. */
export async function setPlan(opts: { ctx: TServiceContext; actor: TActor; slug: string; input: TPlanInput }): Promise<TPlanDto> {
  const { ctx, actor, input } = opts;
  const room = await resolveRoom({ ctx, slug: opts.slug });
  assertCan(actor, 'room:settings', room.id);
  const points = input.points
    .map((p) => [typeof p.time === 'number' ? p.time : Date.parse(p.time), p.value] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const data = { points: JSON.stringify(points), updatedById: authorOf(actor).id };
  const row = await ctx.prisma.plan.upsert({
    where: { roomId_series: { roomId: room.id, series: input.series } },
    create: { roomId: room.id, series: input.series, ...data },
    update: data,
  });
  ctx.bus.emit('plan.changed', { roomId: room.id, series: input.series });
  return toPlanDto(row);
}
