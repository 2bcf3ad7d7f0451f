import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TSeverity } from '../../../lib/incidents';
import { parseLabelsKey } from '../../../lib/series';
import type { TRule } from '../../../lib/api/signals';

export type TRuleRow = Awaited<ReturnType<TServiceContext['prisma']['alertRule']['findUniqueOrThrow']>>;

/** The deduplication key of one rule on one label set. */
export const ruleSignalKey = (ruleId: string, seriesLabelsKey: string) => (seriesLabelsKey ? `${ruleId} ${seriesLabelsKey}` : ruleId);

export const nameTaken = (name: string) =>
  new AppError('conflict', `a rule named "${name}" exists in this room`, [{ field: 'name', message: 'already used in this room' }]);

export async function loadRuleDtos(ctx: TServiceContext, where: { roomId: string; id?: string }): Promise<TRule[]> {
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

export async function ruleInRoom(ctx: TServiceContext, roomId: string, id: string): Promise<TRule> {
  const [r] = await loadRuleDtos(ctx, { roomId, id });
  if (!r) throw new AppError('not_found', `no rule ${id} in this room`);
  return r;
}
