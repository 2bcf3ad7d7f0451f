import type { TCapacityInput, TCapacityModel } from '../../../lib/api/capacity';
import type { TServiceContext } from '../../context';
import { assertCan, authorOf, type TActor } from '../access/actor';
import { resolveRoom } from '../rooms/resolve-room';
import { toCapacityModelDto } from './capacity-model';

/** Sets (replaces) the room's capacity model (lead+); the evaluator re-evaluates at once. */
export async function setCapacityModel(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  input: TCapacityInput;
}): Promise<TCapacityModel> {
  const { ctx, actor, input } = opts;
  const room = await resolveRoom({ ctx, slug: opts.slug });
  assertCan(actor, 'room:settings', room.id);
  const data = {
    series: input.series,
    perServer: input.perServer,
    perServerSeries: input.perServerSeries ?? null,
    targetUtilization: input.targetUtilization,
    leadMinutes: input.leadMinutes,
    updatedById: authorOf(actor).id,
  };
  const row = await ctx.prisma.capacityModel.upsert({ where: { roomId: room.id }, create: { roomId: room.id, ...data }, update: data });
  ctx.bus.emit('capacity.changed', { roomId: room.id });
  return toCapacityModelDto(row);
}
