import type { TComponentState, TImpact } from '../api/status';

/**
 * The status page's verdicts, pure so the server, the page and the tests
 * agree: what a component shows, and the one line over the whole page.
 */

export interface TProbeReading {
  /** pending | up | down | paused */
  state: string;
  lastLatencyMs: number | null;
}

/**
 * A state set by hand wins; then a maintenance in progress on it; then its
 * probe (down → major_outage, at or over the latency threshold →
 * degraded_performance). Without any of these it is operational.
 */
export function componentState(c: {
  manualStatus: TComponentState | null;
  probe: TProbeReading | null;
  degradedAfterMs: number | null;
  inMaintenance: boolean;
}): TComponentState {
  if (c.manualStatus) return c.manualStatus;
  if (c.inMaintenance) return 'under_maintenance';
  if (!c.probe) return 'operational';
  if (c.probe.state === 'down') return 'major_outage';
  if (c.probe.state === 'up' && c.degradedAfterMs !== null && c.probe.lastLatencyMs !== null && c.probe.lastLatencyMs >= c.degradedAfterMs)
    return 'degraded_performance';
  return 'operational';
}

const RANK: Record<TComponentState, number> = {
  operational: 0,
  under_maintenance: 0,
  degraded_performance: 1,
  partial_outage: 2,
  major_outage: 3,
};
const IMPACT_RANK: Record<TImpact, number> = { none: 0, minor: 1, major: 2, critical: 3 };
const INDICATORS = ['none', 'minor', 'major', 'critical'] as const;

export type TIndicator = (typeof INDICATORS)[number] | 'maintenance';

/**
 * Statuspage's page indicator: the worse of the worst component and the
 * worst open incident's impact; "maintenance" when only a maintenance is on.
 */
export function pageIndicator(components: TComponentState[], openImpacts: TImpact[], maintenanceInProgress: boolean): TIndicator {
  const worst = Math.max(0, ...components.map((s) => RANK[s]), ...openImpacts.map((i) => IMPACT_RANK[i]));
  if (worst === 0 && maintenanceInProgress) return 'maintenance';
  return INDICATORS[worst]!;
}

/** Statuspage's own descriptions of each indicator (the summary's English words). */
export const INDICATOR_DESCRIPTION: Record<TIndicator, string> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major Service Outage',
  maintenance: 'Service Under Maintenance',
};

/** One formatter per time zone: making one costs far more than formatting with it (a status page reads ~90 days × probes). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayKey(ms: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(ms);
}

/** The last `days` calendar days in the zone, oldest first, ending today. */
export function lastDays(nowMs: number, timeZone: string, days: number): string[] {
  const out: string[] = [];
  // Noon steps avoid daylight-saving edges landing twice on one day.
  for (let i = days - 1; i >= 0; i--) out.push(dayKey(nowMs - i * 86_400_000, timeZone));
  return [...new Set(out)];
}

/** Adds probe_up samples (1/0) to per-day [up, total] counts. */
export function addToDays(days: Map<string, [number, number]>, points: [number, number][], timeZone: string): void {
  for (const [t, v] of points) {
    const k = dayKey(t, timeZone);
    const d = days.get(k) ?? [0, 0];
    if (v >= 0.5) d[0]++;
    d[1]++;
    days.set(k, d);
  }
}
