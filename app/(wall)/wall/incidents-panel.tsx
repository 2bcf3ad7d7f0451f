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
export type TWallIncident = Pick<
  TIncidentDto,
  'id' | 'number' | 'title' | 'severity' | 'status' | 'owner' | 'createdAt' | 'unownedSince'
> & {
  /** the signal that opened it, when no person did */
  source?: Pick<TIncidentSource, 'kind' | 'name'> | null;
};

const MAX_ROWS = 8;

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
              i.owner ? 'border-edge bg-bg/60' : 'border-crit bg-crit/15 outline-2 outline-crit/70'
            }`}
          >
            <div className="flex items-center gap-[1vh] text-[2.3vh]">
              <SeverityBadge severity={i.severity} className="rounded-[0.4vh] px-[0.7vh] text-[1.8vh]" />
              <span className="tabular text-dim">#{i.number}</span>
              <span className="truncate font-semibold">{i.title}</span>
            </div>
            <div className="flex items-center justify-between text-[1.9vh]">
              {i.owner ? (
                <span className="truncate text-ink/90">{i.owner.name}</span>
              ) : (
                <span data-testid="unclaimed" className="tabular font-bold uppercase tracking-wide text-crit">
                  {now === null ? t.unowned : unclaimedFor(now - Date.parse(i.unownedSince ?? i.createdAt), locale)}
                </span>
              )}
              <SourceBadge source={i.source} locale={locale} className="ml-[1vh] mr-auto min-w-0 text-[1.6vh]" />
              <span className="tabular shrink-0 pl-[1vh] text-dim">
                {STATUS_WORDS[locale][i.status]} · {now === null ? '' : formatDuration(now - Date.parse(i.createdAt), locale)}
              </span>
            </div>
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
