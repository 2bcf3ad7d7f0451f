import type { TServiceContext } from '../../context';
import { isUniqueViolation } from '../../errors';
import { labelsKey } from '../../../lib/series';
import type { TRule, TRuleInput } from '../../../lib/api/signals';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { nameTaken, ruleInRoom } from './rule-write';

/** Adds an alert rule (lead+); evaluators pick it up from the 'rule.changed' event. */
export async function createRule(opts: { ctx: TServiceContext; actor: TActor; slug: string; input: TRuleInput }): Promise<TRule> {
  const { ctx, input } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  try {
    const row = await ctx.prisma.alertRule.create({
      data: {
        roomId: room.id,
        name: input.name,
        series: input.series,
        labelsKey: labelsKey(input.labels),
        direction: input.when,
        threshold: input.threshold,
        forSeconds: input.forSeconds,
        severity: input.severity,
        title: input.title || null,
      },
    });
    ctx.bus.emit('rule.changed', { roomId: room.id, ruleId: row.id });
    return ruleInRoom(ctx, room.id, row.id);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}
