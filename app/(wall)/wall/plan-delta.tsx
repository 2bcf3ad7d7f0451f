import { formatPlanDelta, planDelta } from '@/lib/night/figures';
import type { TLocale } from '@/lib/format/number';
import type { TChartPoint } from '@/lib/series';
import { NIGHT_WALL_LABELS } from './night-labels';

/**
 * How far the actual is ahead of (+) or behind (−) the plan at its latest
 * point. Stale data is marked as such, never shown as current.
 */
export function PlanDelta({
  plan,
  latest,
  stale,
  locale,
}: {
  plan: TChartPoint[];
  latest: { value: number; time: number } | undefined;
  stale: boolean;
  locale: TLocale;
}) {
  const d = planDelta(plan, latest);
  if (!d) return null;
  const t = NIGHT_WALL_LABELS[locale];
  const ahead = d.ratio >= 0;
  return (
    <div
      className={`absolute left-[9vh] top-[1.6vh] rounded-[0.8vh] bg-bg/80 px-[1.2vh] py-[0.4vh] text-[2.6vh] font-semibold tabular ${stale ? 'text-dim line-through' : ahead ? 'text-ok' : 'text-warn'}`}
      data-testid="plan-delta"
      data-stale={stale ? 'yes' : 'no'}
    >
      {formatPlanDelta(d.ratio)} <span className="font-normal">{stale ? t.stalePlan : t.vsPlan}</span>
    </div>
  );
}
