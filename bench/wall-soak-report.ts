import { loadavg } from 'node:os';
import type { heap } from './wall-soak-page';

/** One simulated day of bench/wall-soak.ts, as it is printed. */
export interface TDay {
  heap?: Awaited<ReturnType<typeof heap>>;
  /** from a heap snapshot (`--snapshots`): V8's heap without Blink's objects, the page's objects apart from compiled code */
  split?: { v8MB: number; objectsMB: number; codeMB: number };
  maxSockets: number;
  socketsAtReading?: number;
  unmarkedMs: number;
  blank: number;
  samples: number;
  backToLive: number[];
  notBack: number;
  events: string[];
  /** the wall's clock when the day's heap was read (on a live wall, so possibly hours past the day's end) */
  wallClock?: string;
  stateAtReading?: string;
}

const pct = (xs: number[], q: number) => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
export const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** Prints the per-day table and the closing line; returns the summary (--json writes it). */
export function report(
  days: TDay[],
  run: {
    db: string;
    rate: number;
    restarts: number;
    dbRestarts: number;
    locks: number;
    drops: number;
    faults: number;
    overranS: number;
    reloads: number;
    final: { state: string | null; sockets: number; wall: boolean };
    posted: number;
    refused: number;
    incidentsOpened: number;
    incidentsResolved: number;
  },
) {
  const { reloads, final, posted, refused, incidentsOpened, incidentsResolved } = run;
  const DAYS = days.length;
  console.log(`\nload average at the end ${load()}; faults overran the planned week by ${run.overranS.toFixed(0)} s of real time`);
  // The clock is read with the heap, once the wall is live again: on a day that ends in a cut that waits up to
  // the longest cut and 30 s more, hours of simulated time, so it can read well past midnight.
  console.log(
    'day  read at (Berlin)     heap MB  DOM nodes  listeners  sockets max/read unmarked s  back to LIVE p50/p99 s (n)  blank  events',
  );
  for (const [i, d] of days.entries()) {
    const counts = d.events.reduce<Record<string, number>>((m, e) => {
      const k = e.split(' ')[0]!;
      m[k] = (m[k] ?? 0) + 1;
      return m;
    }, {});
    console.log(
      `${String(i + 1).padStart(3)}  ${(d.wallClock ?? '?').padEnd(19)} ${(d.heap?.heapMB.toFixed(2) ?? '?').padStart(7)}  ${String(d.heap?.nodes ?? '?').padStart(9)}  ${String(d.heap?.listeners ?? '?').padStart(9)}  ${`${d.maxSockets}/${d.socketsAtReading ?? '?'} ${d.stateAtReading ?? ''}`.padStart(15)}  ${(d.unmarkedMs / 1000).toFixed(1).padStart(10)}  ${`${d.backToLive.length ? `${(pct(d.backToLive, 0.5) / 1000).toFixed(1)}/${(pct(d.backToLive, 0.99) / 1000).toFixed(1)}` : '—'} (${d.backToLive.length}${d.notBack ? `, ${d.notBack} NOT BACK` : ''})`.padStart(26)}  ${String(d.blank).padStart(5)}  ${Object.entries(
        counts,
      )
        .map(([k, n]) => `${k}×${n}`)
        .join(' ')}`,
    );
  }
  const all = days.flatMap((d) => d.backToLive);
  const h1 = days[0]!.heap?.heapMB ?? Number.NaN;
  const hN = days.at(-1)!.heap?.heapMB ?? Number.NaN;
  const summary = {
    db: run.db,
    days: DAYS,
    rate: run.rate,
    restarts: run.restarts,
    dbRestarts: run.dbRestarts,
    locks: run.locks,
    drops: run.drops,
    faults: run.faults,
    backToLive: all.length,
    notBack: days.reduce((n, d) => n + d.notBack, 0),
    backP50: pct(all, 0.5),
    backP99: pct(all, 0.99),
    blank: days.reduce((n, d) => n + d.blank, 0),
    samples: days.reduce((n, d) => n + d.samples, 0),
    reloads,
    maxSockets: Math.max(...days.map((d) => d.maxSockets)),
    socketsAtReading: days.map((d) => d.socketsAtReading ?? -1),
    final,
    unmarkedMaxMs: Math.max(...days.map((d) => d.unmarkedMs)),
    heapMB: days.map((d) => d.heap?.heapMB ?? null),
    nodes: days.map((d) => d.heap?.nodes ?? null),
    heapRatio: hN / h1,
    heapFirstMB: days.map((d) => d.heap?.heapFirstMB ?? null),
    heapFirstRatio: (days.at(-1)!.heap?.heapFirstMB ?? Number.NaN) / (days[0]!.heap?.heapFirstMB ?? Number.NaN),
    objectsRatio: (days.at(-1)!.split?.objectsMB ?? Number.NaN) / (days[0]!.split?.objectsMB ?? Number.NaN),
    codeMB: days.map((d) => d.split?.codeMB ?? null),
    posted,
    refused,
    incidentsOpened,
    incidentsResolved,
    load: loadavg(),
  };
  console.log(
    `\nheap day ${DAYS} ÷ day 1 = ${summary.heapRatio.toFixed(3)} (least of 5 readings; the first reading alone ${summary.heapFirstRatio.toFixed(3)}${
      Number.isFinite(summary.objectsRatio)
        ? `; snapshots: objects ${summary.objectsRatio.toFixed(3)}, compiled code ${days[0]!.split!.codeMB.toFixed(2)} → ${days.at(-1)!.split!.codeMB.toFixed(2)} MB`
        : ''
    }); back to LIVE after ${all.length} faults: p50 ${(summary.backP50 / 1000).toFixed(1)} s, p99 ${(summary.backP99 / 1000).toFixed(1)} s, ${summary.notBack} not back; ` +
      `longest unmarked not-current ${(summary.unmarkedMaxMs / 1000).toFixed(1)} s; reloads ${reloads}; blank samples ${summary.blank} of ${summary.samples}; ` +
      `most sockets open at once ${summary.maxSockets}, at the end ${final.sockets} (${final.state}); points accepted ${posted}, refused or unreachable ${refused}; incidents ${incidentsOpened} opened, ${incidentsResolved} resolved`,
  );
  return summary;
}
