import { formatPlanDelta, planDelta } from '@/lib/night/figures';
import type { TLocale } from '@/lib/format/number';
import type { TChartPoint } from '@/lib/series';
import { NIGHT_WALL_LABELS } from './night-labels';

/**
 * How far the actual is ahead of (+) or behind (−) the plan at its latest
 * point. Stale data is marked as such, never shown as current. It sits above
 * the chart, in the panel's flow, so it never covers an annotation's label.
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
      className={`self-start rounded-[0.8vh] bg-bg/80 px-[1.2vh] py-[0.2vh] text-[2.4vh] font-semibold tabular ${stale ? 'text-dim line-through' : ahead ? 'text-ok' : 'text-warn'}`}
      data-testid="plan-delta"
      data-stale={stale ? 'yes' : 'no'}
    >
      {formatPlanDelta(d.ratio)} <span className="font-normal">{stale ? t.stalePlan : t.vsPlan}</span>
    </div>
  );
}
