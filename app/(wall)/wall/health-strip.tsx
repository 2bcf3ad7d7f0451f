'use client';

import { useEffect, useRef, useState } from 'react';
import { formatDuration } from '@/lib/format/duration';
import type { TLocale } from '@/lib/format/number';
import type { TFleetRow, TServerState } from '@/lib/fleet/judge';
import { formatMetric, metricShort, outlierShort, STATE_WORDS } from '@/lib/fleet/words';
import type { TWallLabels } from './labels';

const STATE: Record<TServerState, { box: string; dot: string }> = {
  ok: { box: 'border-edge', dot: 'bg-ok' },
  warning: { box: 'border-warn bg-warn/10', dot: 'bg-warn' },
  critical: { box: 'border-crit bg-crit/15', dot: 'bg-crit animate-pulse' },
  silent: { box: 'border-dim border-dashed bg-dim/10 text-dim', dot: 'bg-dim' },
  drained: { box: 'border-edge border-dashed opacity-60', dot: 'bg-transparent ring-[0.25vh] ring-dim' },
};

/** A tile is this wide (in vh, so 1080p and 4K look alike) and never narrower: the rest is counted, not squeezed. */
const TILE_VH = 18;
const GAP_VH = 1;
/** Room kept for the "46 ok · 1 drained" summary at the right (the label at the left is measured). */
const REST_VH = 15;
const METRICS_PER_TILE = 2;

/** How many tiles fit across the strip, from its measured width. */
function useTilesThatFit(): [React.RefObject<HTMLElement | null>, number] {
  const ref = useRef<HTMLElement | null>(null);
  const [fit, setFit] = useState(6);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const vh = window.innerHeight / 100;
      const label = (el.firstElementChild as HTMLElement | null)?.offsetWidth ?? 0;
      const room = el.clientWidth - label - (REST_VH + GAP_VH) * vh;
      setFit(Math.max(1, Math.floor((room + GAP_VH * vh) / ((TILE_VH + GAP_VH) * vh))));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, fit];
}

/** Within a rank, the metrics people look at first. */
const ORDER = ['cpu_ratio', 'mem_ratio', 'memory_ratio', 'error_ratio', 'connections'];
const order = (m: string) => (ORDER.includes(m) ? ORDER.indexOf(m) : ORDER.length);

/** The metrics a tile shows: those past their line first, then the outlying one, then the usual ones. */
function tileMetrics(s: TFleetRow): string[] {
  const rank = (m: string) =>
    s.metricStates[m] === 'critical' ? 3 : s.metricStates[m] === 'warning' ? 2 : s.outlier?.metric === m ? 1 : 0;
  return Object.keys(s.metrics)
    .sort((a, b) => rank(b) - rank(a) || order(a) - order(b) || a.localeCompare(b))
    .slice(0, METRICS_PER_TILE);
}

function Tile({ s, locale }: { s: TFleetRow; locale: TLocale }) {
  const words = STATE_WORDS[locale];
  const quiet = s.state === 'silent' || s.state === 'drained';
  return (
    <div
      data-testid="server"
      data-server={s.name}
      data-state={s.state}
      data-outlier={s.outlier ? s.outlier.metric : undefined}
      style={{ width: `${TILE_VH}vh` }}
      className={`flex shrink-0 flex-col justify-center overflow-hidden rounded-[0.8vh] border-[0.3vh] px-[1.2vh] py-[0.6vh] ${STATE[s.state].box} ${s.outlier && !quiet ? 'outline outline-[0.4vh] outline-sev2' : ''}`}
    >
      <div className="flex items-center gap-[0.8vh] text-[2.8vh] font-semibold leading-tight">
        <span className={`inline-block h-[1.6vh] w-[1.6vh] shrink-0 rounded-full ${STATE[s.state].dot}`} aria-hidden />
        <span className="truncate">{s.name}</span>
      </div>
      <div className="tabular flex flex-col whitespace-nowrap text-[2.3vh] leading-tight text-dim">
        {s.state === 'drained' ? (
          <span className="truncate font-semibold uppercase">{words.drained}</span>
        ) : s.state === 'silent' ? (
          // Two lines, so "silent" and its age both fit the tile at every size.
          <>
            <span className="truncate font-semibold">{words.silent}</span>
            <span className="truncate">{formatDuration(s.ageSeconds * 1000, locale)}</span>
          </>
        ) : (
          tileMetrics(s).map((m) => (
            <span
              key={m}
              className={`truncate ${s.metricStates[m] === 'critical' ? 'font-semibold text-crit' : s.metricStates[m] === 'warning' ? 'text-warn' : m === s.outlier?.metric ? 'font-semibold text-sev2' : ''}`}
            >
              {m === s.outlier?.metric ? '≠ ' : ''}
              {m === s.outlier?.metric && s.outliers[0]?.rule === 'ratio'
                ? outlierShort(s.outliers[0], locale)
                : `${metricShort(m, locale)} ${formatMetric(m, s.metrics[m]!, locale)}`}
            </span>
          ))
        )}
      </div>
    </div>
  );
}

/**
 * Every server's state, worst first, in tiles readable across the room.
 * What does not fit is counted by state ("46 ok · 1 drained"), never shrunk.
 */
export function HealthStrip({ servers, locale, t }: { servers: TFleetRow[]; locale: TLocale; t: TWallLabels }) {
  const [ref, fit] = useTilesThatFit();
  // Tiles worth a look come first; with room left, ok ones too.
  const shown = servers.slice(0, fit);
  const rest = servers.slice(shown.length);
  const counts = new Map<TServerState, number>();
  for (const s of rest) counts.set(s.state, (counts.get(s.state) ?? 0) + 1);
  const words = STATE_WORDS[locale];
  return (
    <section ref={ref} data-testid="health" className="flex min-h-0 items-stretch gap-[1vh] overflow-hidden">
      {/* On a narrow portrait screen the tiles speak for themselves: the label's width goes to a tile. */}
      <div className="flex shrink-0 items-center pr-[0.5vh] text-[2.4vh] uppercase tracking-wide text-dim portrait:hidden">{t.servers}</div>
      {servers.length === 0 ? <div className="flex items-center text-[2.4vh] text-dim">{t.noServers}</div> : null}
      {shown.map((s) => (
        <Tile key={s.name} s={s} locale={locale} />
      ))}
      {rest.length > 0 ? (
        <div data-testid="servers-rest" className="tabular flex shrink-0 flex-col justify-center text-[2.6vh] leading-tight text-dim">
          {[...counts.entries()].map(([state, n]) => (
            <span
              key={state}
              data-state={state}
              className={state === 'ok' ? 'text-ok' : state === 'drained' ? '' : 'font-semibold text-ink'}
            >
              {n} {words[state]}
            </span>
          ))}
        </div>
      ) : null}
    </section>
  );
}
