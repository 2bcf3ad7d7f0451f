import type { TSeriesLatest } from '../schemas/metrics';

export type THealthState = 'healthy' | 'warning' | 'critical';

export interface TSafetyLineLike {
  metricName: string;
  warning: number;
  critical: number;
  direction: 'above' | 'below' | string;
}

interface TServerMetric {
  name: string;
  value: number;
  state: THealthState;
  line?: TSafetyLineLike;
}

export interface TServerHealth {
  server: string;
  state: THealthState;
  metrics: TServerMetric[];
  /** newest sample time of any of its series, epoch ms */
  latestTime: number;
}

const RANK: Record<THealthState, number> = { healthy: 0, warning: 1, critical: 2 };
/** Within a state, the metrics people look at first. */
const ORDER = ['cpu_ratio', 'mem_ratio', 'error_ratio', 'connections'];
const order = (name: string) => (ORDER.indexOf(name) + ORDER.length + 1) % (ORDER.length + 1);

/** Where one value stands against its safety line; no line means healthy. */
export function stateAgainst(value: number, line: TSafetyLineLike | undefined): THealthState {
  if (!line) return 'healthy';
  const worse = line.direction === 'below' ? (a: number, b: number) => a <= b : (a: number, b: number) => a >= b;
  if (worse(value, line.critical)) return 'critical';
  if (worse(value, line.warning)) return 'warning';
  return 'healthy';
}

/**
 * Groups the series labelled `server` by server and rates each against the
 * room's safety lines; a server is as bad as its worst metric. Worst servers
 * first, then by name, so trouble is at the left of the strip.
 */
export function serverHealth(latest: TSeriesLatest[], lines: TSafetyLineLike[]): TServerHealth[] {
  const byName = new Map(lines.map((l) => [l.metricName, l]));
  const servers = new Map<string, TServerHealth>();
  for (const s of latest) {
    const server = s.labels.server;
    if (!server) continue;
    let h = servers.get(server);
    if (!h) {
      h = { server, state: 'healthy', metrics: [], latestTime: 0 };
      servers.set(server, h);
    }
    const line = byName.get(s.name);
    const state = stateAgainst(s.value, line);
    h.metrics.push({ name: s.name, value: s.value, state, line });
    if (RANK[state] > RANK[h.state]) h.state = state;
    h.latestTime = Math.max(h.latestTime, Date.parse(s.time) || 0);
  }
  for (const h of servers.values()) h.metrics.sort((a, b) => RANK[b.state] - RANK[a.state] || order(a.name) - order(b.name) || a.name.localeCompare(b.name));
  return [...servers.values()].sort((a, b) => RANK[b.state] - RANK[a.state] || a.server.localeCompare(b.server, 'en', { numeric: true }));
}
