'use client';

import type { TMilestone } from '@/lib/api/common';
import { formatDuration } from '@/lib/format/duration';
import { formatTimeOfDay } from '@/lib/format/time';
import { formatDelta, headlineParts, type TLocale } from '@/lib/format/number';
import { staleAge } from '@/lib/format/state-words';
import type { TChartPoint } from '@/lib/series';
import { freshRate } from '@/lib/wall/growth';
import { etaMs, lastReached, nextMilestone } from '@/lib/wall/milestones';
import { staleness } from '@/lib/wall/stale';
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
  /** the server's clock (null before the first tick) and the room's threshold */
  now: number | null;
  staleAfterSeconds: number;
  t: TWallLabels;
}

/**
 * One huge number, its growth, and the road to the next milestone. Past the
 * room's stale threshold the number greys and says its age, and growth and
 * ETA turn to "—": a rate from minutes ago is not shown as today's.
 */
export function HeadlinePanel(p: THeadlineProps) {
  const shown = useCountUp(p.value, p.time, p.staleAfterSeconds * 1000);
  const age = p.now === null || p.time === undefined ? null : staleness(p.time, p.now, p.staleAfterSeconds);
  const stale = age?.stale ?? false;
  const rate = p.now === null ? null : freshRate(p.points, p.now, p.staleAfterSeconds);
  const next = p.value === undefined ? undefined : nextMilestone(p.milestones, p.seriesName, p.value);
  const last = lastReached(p.milestones, p.seriesName);
  const eta = next && p.value !== undefined && rate ? etaMs(p.value, next.threshold, rate.perMinute) : null;
  const estimate = rate ? !rate.complete : false;

  return (
    <div
      data-testid={`${p.testId}-panel`}
      data-stale={stale ? 'yes' : 'no'}
      className={`flex min-w-0 flex-col justify-between overflow-hidden rounded-[1vh] border bg-panel px-[2.2vh] py-[1.2vh] portrait:py-[0.8vh] ${stale ? 'border-dashed border-dim' : 'border-edge'}`}
    >
      {/* Label, milestone and ETA wrap onto another line rather than end in "…": a narrow wall keeps every word. */}
      <div className="flex min-w-0 flex-wrap items-baseline justify-between gap-x-[1.5vh] text-[min(2.4vh,4.2vw)] uppercase tracking-wide text-dim">
        <span data-testid={`${p.testId}-label`}>{p.label}</span>
        {stale && age ? (
          <span data-testid={`${p.testId}-age`} className="shrink-0 whitespace-nowrap font-semibold normal-case text-warn">
            {staleAge(age.ageMs, p.locale)}
          </span>
        ) : last?.reachedAt ? (
          <span data-testid={`${p.testId}-reached`} className="normal-case text-ink/80">
            {last.label} · {p.t.reached} {formatTimeOfDay(Date.parse(last.reachedAt), p.timeZone)}
          </span>
        ) : null}
      </div>
      <div
        data-testid={p.testId}
        className={`tabular truncate whitespace-nowrap font-bold leading-[1.05] text-[min(13vh,12.5vw)] landscape:text-[min(13vh,7.4vw)] ${stale ? 'text-dim' : p.colorClass}`}
      >
        {shown === undefined ? (
          <span className="text-[4vh] font-normal text-dim">{p.t.waiting}</span>
        ) : (
          headlineParts(shown, p.locale).map((part) =>
            part.unit ? (
              // 万 and 亿 smaller and quieter: the digits are the figure, the character its unit.
              <span key={part.key} className="mx-[0.04em] align-baseline text-[0.6em] font-semibold opacity-75">
                {part.text}
              </span>
            ) : (
              <span key={part.key}>{part.text}</span>
            ),
          )
        )}
      </div>
      <div className="flex min-w-0 flex-wrap items-baseline gap-x-[3vh] text-[min(2.8vh,4.4vw)] text-ink/90">
        <Growth testId={`${p.testId}-per-min`} value={rate?.perMinute} unit={p.t.perMinute} locale={p.locale} estimate={estimate} t={p.t} />
        <Growth testId={`${p.testId}-per-hour`} value={rate?.perHour} unit={p.t.perHour} locale={p.locale} estimate={estimate} t={p.t} />
        {next ? (
          <span data-testid={`${p.testId}-eta`} className="ml-auto text-dim">
            {p.t.next} <span className="text-ink">{next.label}</span>{' '}
            {rate === null ? '—' : eta === null ? p.t.etaNone : `${p.t.eta} ${formatDuration(eta, p.locale)}`}
          </span>
        ) : null}
      </div>
    </div>
  );
}

function Growth(p: { value: number | undefined; unit: string; locale: TLocale; testId: string; estimate: boolean; t: TWallLabels }) {
  return (
    <span
      data-testid={p.testId}
      className={`tabular whitespace-nowrap ${p.value === undefined ? 'text-dim' : ''}`}
      title={p.estimate ? p.t.estimated : undefined}
    >
      {p.value === undefined ? '—' : `${p.estimate ? '~' : ''}${formatDelta(Math.round(p.value), p.locale)}`}
      <span className="text-dim">{p.unit}</span>
    </span>
  );
}
