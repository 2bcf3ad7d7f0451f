'use client';

import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { SeverityBadge } from '@/app/_ui/severity-badge';
import { formatDuration } from '@/lib/format/duration';
import { STATUS_WORDS, unclaimedFor } from '@/lib/format/state-words';
import type { TLocale } from '@/lib/format/number';
import type { TIncidentDto } from '@/lib/api/incidents';
import type { TWallLabels } from './labels';
import { SourceBadge } from '@/app/_components/source-badge';
import type { TIncidentSource } from '@/lib/api/incidents';

/** The fields of an incident the wall shows. */
export type TWallIncident = Pick<TIncidentDto, 'id' | 'number' | 'title' | 'severity' | 'status' | 'owner' | 'createdAt' | 'unownedSince'> &
  Partial<Pick<TIncidentDto, 'escalatedTo' | 'impact'>> & {
    /** the signal that opened it, when no person did */
    source?: Pick<TIncidentSource, 'kind' | 'name'> | null;
  };

const MAX_ROWS = 8;

/** An owned incident keeps its severity's colour on its edge: an owned SEV1 still reads as a SEV1. */
const EDGE: Record<TWallIncident['severity'], string> = {
  SEV1: 'border-sev1 bg-sev1/10',
  SEV2: 'border-sev2 bg-bg/60',
  SEV3: 'border-sev3 bg-bg/60',
  SEV4: 'border-edge bg-bg/60',
};

/** "12 % checkouts failing": the figure first when there is one. */
function impactText(impact: NonNullable<TWallIncident['impact']>): string {
  return impact.value === null ? impact.text : `${impact.value}${impact.unit ? ` ${impact.unit}` : ''} ${impact.text}`;
}

/**
 * Rows that do not fit the list's height wrap into a second column, which
 * the list clips: a phone in portrait shows two or three whole rows, a TV
 * eight, and no row is ever cut in half. Those wrapped away are counted here
 * (measured after layout; counting changes no layout, so it cannot oscillate).
 */
function useRowsOutOfView(count: number): [React.RefObject<HTMLOListElement | null>, number] {
  const ref = useRef<HTMLOListElement | null>(null);
  const [hidden, setHidden] = useState(0);
  const [size, setSize] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize(el.clientHeight * 10_000 + el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-counted when the rows or the list's size change
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const right = el.getBoundingClientRect().right - 1;
    let n = 0;
    for (const li of el.children) if (li.getBoundingClientRect().left >= right) n++;
    setHidden(n);
  }, [count, size]);
  return [ref, hidden];
}

/** Most severe first; within a severity, the oldest first (it has waited longest). */
function sortForWall<T extends TWallIncident>(list: T[]): T[] {
  return [...list].sort((a, b) => a.severity.localeCompare(b.severity) || Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/** Open incidents with owner and age; an unowned one stands out. Never scrolls: extra rows are counted. */
export function IncidentsPanel({
  incidents,
  now,
  locale,
  t,
}: {
  incidents: TWallIncident[] | undefined;
  now: number | null;
  locale: TLocale;
  t: TWallLabels;
}) {
  const sorted = sortForWall(incidents ?? []);
  const shown = sorted.slice(0, MAX_ROWS);
  const [list, outOfView] = useRowsOutOfView(shown.length);
  const rest = sorted.length - shown.length + outOfView;
  return (
    <section
      data-testid="incidents"
      className="flex min-h-0 flex-col gap-[1vh] overflow-hidden rounded-[1vh] border border-edge bg-panel p-[1.5vh]"
    >
      <h2 className="flex items-baseline justify-between text-[2.4vh] uppercase tracking-wide text-dim">
        <span>{t.incidents}</span>
        <span data-testid="incidents-count" className="tabular text-[3vh] font-bold text-ink">
          {incidents ? sorted.length : '–'}
        </span>
      </h2>
      {incidents && sorted.length === 0 ? <p className="text-[2.4vh] text-ok">{t.noIncidents}</p> : null}
      <ol ref={list} className="flex min-h-0 flex-1 flex-col flex-wrap gap-x-[4vh] gap-y-[0.8vh] overflow-hidden">
        {shown.map((i) => (
          <li
            key={i.id}
            data-testid="incident"
            data-severity={i.severity}
            data-owned={i.owner ? 'yes' : 'no'}
            className={`flex w-full flex-col gap-[0.3vh] rounded-[0.8vh] border-l-[0.8vh] px-[1.2vh] py-[0.7vh] ${
              i.owner ? EDGE[i.severity] : 'border-crit bg-crit/15 outline-2 outline-crit/70'
            }`}
          >
            {/* The title wraps (up to three lines) rather than ending in "…" while the panel has room. */}
            <div className="flex items-start gap-[1vh] text-[min(2.3vh,4.4vw)] leading-snug">
              <SeverityBadge severity={i.severity} className="mt-[0.2vh] shrink-0 rounded-[0.4vh] px-[0.7vh] text-[1.8vh]" />
              <span className="shrink-0 tabular text-dim">#{i.number}</span>
              <span data-testid="wall-incident-title" className="line-clamp-3 min-w-0 font-semibold [overflow-wrap:anywhere]">
                {i.title}
              </span>
            </div>
            {/* Wraps instead of squeezing: a long owner name keeps its whole width, the age moves to the next line. */}
            <div className="flex flex-wrap items-center gap-x-[1vh] text-[min(1.9vh,3.6vw)]">
              {i.owner ? (
                <span data-testid="wall-owner" className="max-w-full truncate text-ink/90">
                  {i.owner.name}
                </span>
              ) : (
                <span data-testid="unclaimed" className="tabular whitespace-nowrap font-bold uppercase tracking-wide text-crit">
                  {now === null ? t.unowned : unclaimedFor(now - Date.parse(i.unownedSince ?? i.createdAt), locale)}
                </span>
              )}
              <SourceBadge source={i.source} locale={locale} className="max-w-full text-[1.6vh]" />
              <span className="tabular ml-auto whitespace-nowrap text-dim">
                {STATUS_WORDS[locale][i.status]} · {now === null ? '' : formatDuration(now - Date.parse(i.createdAt), locale)}
              </span>
            </div>
            {i.escalatedTo || i.impact ? (
              <div className="flex flex-wrap gap-x-[1.5vh] text-[1.9vh]">
                {i.escalatedTo ? (
                  <span data-testid="wall-escalated" className="max-w-full truncate font-semibold text-warn">
                    ↑ {t.escalatedTo} {i.escalatedTo.name}
                  </span>
                ) : null}
                {i.impact ? (
                  <span data-testid="wall-impact" className="max-w-full truncate text-ink/90">
                    {t.impact}: {impactText(i.impact)}
                  </span>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {rest > 0 ? (
        <p className="text-[2vh] text-dim">
          +{rest} {t.more}
        </p>
      ) : null}
    </section>
  );
}
