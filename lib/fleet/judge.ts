/**
 * The fleet's verdicts, one pure function that the server (GET
 * /rooms/:room/servers) and the wall (live, from its snapshot) both run, so
 * every screen calls a server the same thing. No zod here: the wall imports it.
 */
import { scanOutliers, type TOutlier } from './outliers';

const SERVER_STATES = ['critical', 'silent', 'warning', 'ok', 'drained'] as const;
export type TServerState = (typeof SERVER_STATES)[number];
type TMetricState = 'ok' | 'warning' | 'critical';

export interface TLineLike {
  metricName: string;
  warning: number;
  critical: number;
  direction: 'above' | 'below' | string;
}

/**
 * Lines used when a room has set none for a metric, so a server at 99 % CPU
 * never shows green just because nobody drew a line. A room's own line wins.
 */
const DEFAULT_SAFETY_LINES: TLineLike[] = [
  { metricName: 'cpu_ratio', warning: 0.8, critical: 0.95, direction: 'above' },
  { metricName: 'mem_ratio', warning: 0.85, critical: 0.95, direction: 'above' },
  { metricName: 'memory_ratio', warning: 0.85, critical: 0.95, direction: 'above' },
  { metricName: 'disk_ratio', warning: 0.85, critical: 0.95, direction: 'above' },
  { metricName: 'error_ratio', warning: 0.01, critical: 0.05, direction: 'above' },
];

/** One labelled series' latest value, as listLatest and the room snapshot carry it. */
export interface TSeriesLatestLike {
  name: string;
  labels: Record<string, string>;
  value: number;
  /** ISO-8601 */
  time: string;
}

export interface TDrainInfo {
  drainedAt: string;
  drainedBy: string;
  reason: string | null;
  incident: { id: string; number: number } | null;
}

export interface TFleetRow {
  name: string;
  state: TServerState;
  /** newest sample of any of its series (ISO) */
  lastSeenAt: string;
  /** how long ago that was, on the server clock, in seconds */
  ageSeconds: number;
  metrics: Record<string, number>;
  /** each metric against its safety line; absent for a silent or drained server's metrics */
  metricStates: Record<string, TMetricState>;
  outlier: { metric: string; value: number; poolMedian: number } | null;
  outliers: TOutlier[];
  drain: TDrainInfo | null;
}

/** One collator, made once: localeCompare with options builds one per call, which dominates a 1,000-row sort. */
const NAMES = new Intl.Collator('en', { numeric: true });
const RANK: Record<TServerState, number> = { critical: 0, silent: 1, warning: 2, ok: 3, drained: 4 };
const METRIC_RANK: Record<TMetricState, number> = { ok: 0, warning: 1, critical: 2 };

/** The room's lines over the defaults, by metric name. */
function effectiveLines(lines: TLineLike[]): Map<string, TLineLike> {
  const m = new Map(DEFAULT_SAFETY_LINES.map((l) => [l.metricName, l]));
  for (const l of lines) m.set(l.metricName, l);
  return m;
}

/** Where one value stands against its line; no line means ok. */
function metricState(value: number, line: TLineLike | undefined): TMetricState {
  if (!line) return 'ok';
  const worse = line.direction === 'below' ? (a: number, b: number) => a <= b : (a: number, b: number) => a >= b;
  if (worse(value, line.critical)) return 'critical';
  if (worse(value, line.warning)) return 'warning';
  return 'ok';
}

/** Worst first: critical, silent, warning, ok, drained; within a state outliers first, then by name (web-2 before web-10). */
function compareRows(a: TFleetRow, b: TFleetRow): number {
  return RANK[a.state] - RANK[b.state] || (b.outliers[0]?.score ?? 0) - (a.outliers[0]?.score ?? 0) || NAMES.compare(a.name, b.name);
}

/**
 * Groups the series labelled `server` by server, judges each against the
 * lines and the room's stale threshold on the server clock (`now`), scans the
 * live pool for outliers, and sorts worst first. Silent servers (nothing past
 * the threshold) and drained ones are judged by neither lines nor the scan.
 */
export function judgeFleet(opts: {
  latest: TSeriesLatestLike[];
  lines: TLineLike[];
  staleAfterSeconds: number;
  now: number;
  drains?: Map<string, TDrainInfo>;
}): TFleetRow[] {
  const lines = effectiveLines(opts.lines);
  const below = (metric: string) => lines.get(metric)?.direction === 'below';
  const byServer = new Map<string, { metrics: Record<string, number>; last: number }>();
  for (const s of opts.latest) {
    const server = s.labels.server;
    if (!server) continue;
    const t = Date.parse(s.time);
    let e = byServer.get(server);
    if (!e) {
      e = { metrics: {}, last: -Infinity };
      byServer.set(server, e);
    }
    if (Number.isFinite(t) && t > e.last) e.last = t;
    const prev = e.metrics[s.name];
    // Several series of one metric on a server (other labels): keep the worst.
    if (prev === undefined || (below(s.name) ? s.value < prev : s.value > prev)) e.metrics[s.name] = s.value;
  }
  const staleMs = opts.staleAfterSeconds * 1000;
  const rows: TFleetRow[] = [];
  const pool: { name: string; metrics: Record<string, number> }[] = [];
  for (const [name, e] of byServer) {
    const drain = opts.drains?.get(name) ?? null;
    const ageMs = Math.max(0, opts.now - e.last);
    const row: TFleetRow = {
      name,
      state: 'ok',
      lastSeenAt: new Date(Number.isFinite(e.last) ? e.last : 0).toISOString(),
      ageSeconds: Math.round(ageMs / 1000),
      metrics: e.metrics,
      metricStates: {},
      outlier: null,
      outliers: [],
      drain,
    };
    if (drain) row.state = 'drained';
    else if (!Number.isFinite(e.last) || ageMs > staleMs) row.state = 'silent';
    else {
      for (const [metric, value] of Object.entries(e.metrics)) {
        const st = metricState(value, lines.get(metric));
        row.metricStates[metric] = st;
        if (METRIC_RANK[st] > METRIC_RANK[row.state === 'ok' ? 'ok' : (row.state as TMetricState)]) row.state = st;
      }
      pool.push({ name, metrics: e.metrics });
    }
    rows.push(row);
  }
  const found = scanOutliers(pool, (m) => (below(m) ? 'below' : 'above'));
  for (const row of rows) {
    const list = found.get(row.name);
    if (!list) continue;
    row.outliers = list;
    row.outlier = { metric: list[0]!.metric, value: list[0]!.value, poolMedian: list[0]!.poolMedian };
  }
  return rows.sort(compareRows);
}
