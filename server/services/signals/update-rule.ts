import type { TServiceContext } from '../../context';
import { AppError, isUniqueViolation } from '../../errors';
import { labelsKey } from '../../../lib/series';
import type { TRule, TRulePatch } from '../../../lib/api/signals';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { nameTaken, ruleInRoom } from './rule-write';

/** Changes an alert rule (lead+). */
export async function updateRule(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  id: string;
  input: TRulePatch;
}): Promise<TRule> {
  const { ctx, input, id } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const existing = await ctx.prisma.alertRule.findFirst({ where: { id, roomId: room.id } });
  if (!existing) throw new AppError('not_found', `no rule ${id} in this room`);
  try {
    await ctx.prisma.alertRule.update({
      where: { id },
      data: {
        name: input.name,
        series: input.series,
        labelsKey: input.labels ? labelsKey(input.labels) : undefined,
        direction: input.when,
        threshold: input.threshold,
        forSeconds: input.forSeconds,
        severity: input.severity,
        title: input.title === undefined ? undefined : input.title || null,
      },
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name ?? existing.name);
    throw err;
  }
  ctx.bus.emit('rule.changed', { roomId: room.id, ruleId: id });
  return ruleInRoom(ctx, room.id, id);
}
