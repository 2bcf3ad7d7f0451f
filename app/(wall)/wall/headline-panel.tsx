'use client';

import type { TMilestone } from '@/lib/api/common';
import { formatDuration, formatTimeOfDay } from '@/lib/format/duration';
import { formatDelta, formatHeadline, type TLocale } from '@/lib/format/number';
import type { TChartPoint } from '@/lib/series';
import { growthPer, HOUR_MS, MINUTE_MS } from '@/lib/wall/growth';
import { etaMs, lastReached, nextMilestone } from '@/lib/wall/milestones';
import type { TWallLabels } from './labels';
import { useCountUp } from './use-count-up';

export interface THeadlineProps {
  label: string;
  seriesName: string;
  value: number | undefined;
  /** sample time of `value`, epoch ms */
  time: number | undefined;
  points: TChartPoint[];
  milestones: TMilestone[];
  locale: TLocale;
  timeZone: string;
  colorClass: string;
  testId: string;
  stale: boolean;
  t: TWallLabels;
}

/** One huge number (≥ a tenth of the screen's height), its growth, and the road to the next milestone. */
export function HeadlinePanel(p: THeadlineProps) {
  const shown = useCountUp(p.value, p.time);
  const perMin = growthPer(p.points, MINUTE_MS);
  const perHour = growthPer(p.points, HOUR_MS);
  const next = p.value === undefined ? undefined : nextMilestone(p.milestones, p.seriesName, p.value);
  const last = lastReached(p.milestones, p.seriesName);
  const eta = next && p.value !== undefined ? etaMs(p.value, next.threshold, perMin?.value) : null;

  return (
    <div className={`flex min-w-0 flex-col justify-between rounded-[1vh] border bg-panel px-[2.2vh] py-[1.4vh] ${p.stale ? 'border-warn/70' : 'border-edge'}`}>
      <div className="flex items-baseline justify-between text-[2.4vh] uppercase tracking-wide text-dim">
        <span>{p.label}</span>
        {last?.reachedAt ? (
          <span data-testid={`${p.testId}-reached`} className="normal-case text-ink/80">
            {last.label} · {p.t.reached} {formatTimeOfDay(Date.parse(last.reachedAt), p.timeZone)}
          </span>
        ) : null}
      </div>
      <div
        data-testid={p.testId}
        className={`tabular whitespace-nowrap text-[13vh] font-bold leading-[1.05] ${p.colorClass} ${p.stale ? 'opacity-60' : ''}`}
      >
        {shown === undefined ? <span className="text-[4vh] font-normal text-dim">{p.t.waiting}</span> : formatHeadline(shown, p.locale)}
      </div>
      <div className="flex items-baseline gap-[3vh] text-[2.8vh] text-ink/90">
        <Growth testId={`${p.testId}-per-min`} value={perMin?.value} unit={p.t.perMinute} locale={p.locale} estimate={perMin ? !perMin.complete : false} />
        <Growth testId={`${p.testId}-per-hour`} value={perHour?.value} unit={p.t.perHour} locale={p.locale} estimate={perHour ? !perHour.complete : false} />
        {next ? (
          <span data-testid={`${p.testId}-eta`} className="ml-auto truncate text-dim">
            {p.t.next} <span className="text-ink">{next.label}</span>{' '}
            {eta === null ? p.t.etaNone : `${p.t.eta} ${formatDuration(eta, p.locale)}`}
          </span>
        ) : null}
      </div>
    </div>
  );
}

function Growth({ value, unit, locale, testId, estimate }: { value: number | undefined; unit: string; locale: TLocale; testId: string; estimate: boolean }) {
  return (
    <span data-testid={testId} className="tabular whitespace-nowrap" title={estimate ? 'estimated from a shorter span' : undefined}>
      {value === undefined ? '—' : `${estimate ? '~' : ''}${formatDelta(Math.round(value), locale)}`}
      <span className="text-dim">{unit}</span>
    </span>
  );
}
