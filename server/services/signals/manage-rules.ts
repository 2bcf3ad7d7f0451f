import type { TServiceContext } from '../../context';
import { AppError, isUniqueViolation } from '../../errors';
import type { TSeverity } from '../../../lib/incidents';
import { labelsKey, parseLabelsKey } from '../../../lib/series';
import type { TRule, TRuleInput, TRulePatch } from '../../../lib/api/signals';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';

export type TRuleRow = Awaited<ReturnType<TServiceContext['prisma']['alertRule']['findUniqueOrThrow']>>;

/** The deduplication key of one rule on one label set. */
export const ruleSignalKey = (ruleId: string, seriesLabelsKey: string) => (seriesLabelsKey ? `${ruleId} ${seriesLabelsKey}` : ruleId);

const nameTaken = (name: string) =>
  new AppError('conflict', `a rule named "${name}" exists in this room`, [{ field: 'name', message: 'already used in this room' }]);

async function loadRuleDtos(ctx: TServiceContext, where: { roomId: string; id?: string }): Promise<TRule[]> {
  const rows = await ctx.prisma.alertRule.findMany({ where, orderBy: { name: 'asc' } });
  if (rows.length === 0) return [];
  const firing = await ctx.prisma.signal.findMany({
    where: { roomId: where.roomId, kind: 'rule', state: 'firing' },
    select: { dedupKey: true, firstSeenAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    roomId: r.roomId,
    name: r.name,
    series: r.series,
    labels: parseLabelsKey(r.labelsKey),
    when: r.direction === 'below' ? 'below' : 'above',
    threshold: r.threshold,
    forSeconds: r.forSeconds,
    severity: r.severity as TSeverity,
    title: r.title,
    firing: firing
      .filter((s) => s.dedupKey === r.id || s.dedupKey.startsWith(`${r.id} `))
      .map((s) => ({ labels: parseLabelsKey(s.dedupKey.slice(r.id.length + 1)), since: s.firstSeenAt.toISOString() })),
  }));
}

async function one(ctx: TServiceContext, roomId: string, id: string): Promise<TRule> {
  const [r] = await loadRuleDtos(ctx, { roomId, id });
  if (!r) throw new AppError('not_found', `no rule ${id} in this room`);
  return r;
}

/** The room's alert rules (viewer+). */
export async function listRules(opts: { ctx: TServiceContext; actor: TActor; slug: string }): Promise<{ rules: TRule[] }> {
  const room = await roomFor({ ...opts, permission: 'room:read' });
  return { rules: await loadRuleDtos(opts.ctx, { roomId: room.id }) };
}

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
    return one(ctx, room.id, row.id);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}

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
  return one(ctx, room.id, id);
}

/** Deletes an alert rule (lead+). An incident it opened stays for people to resolve. */
export async function deleteRule(opts: { ctx: TServiceContext; actor: TActor; slug: string; id: string }): Promise<{ deleted: true }> {
  const { ctx, id } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const done = await ctx.prisma.alertRule.deleteMany({ where: { id, roomId: room.id } });
  if (done.count === 0) throw new AppError('not_found', `no rule ${id} in this room`);
  ctx.bus.emit('rule.changed', { roomId: room.id, ruleId: id });
  return { deleted: true };
}
