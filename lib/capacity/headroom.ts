/**
 * Headroom of a room's pool: which servers count, what they can carry, and
 * when the forecast says the pool is full. Pure, so the evaluator, the API and
 * the backtest agree.
 */
import { forecast, rollup, saturationTime, type TForecastPoint, type TPoint } from './forecast';

/** Time scales follow the lead time, so a replay at 82× (lead 30/82 min) behaves as the real night does. */
const BUCKETS_PER_LEAD = 30;
/** The trend is fitted over this many lead times of history (30 min at the default): picked by the backtest. */
const WINDOW_LEADS = 1;
/** The forecast looks this many lead times ahead. */
const HORIZON_LEADS = 2;

export interface TCapacityScales {
  bucketMs: number;
  windowMs: number;
  horizonMs: number;
  leadMs: number;
}

export function scalesOf(leadMinutes: number): TCapacityScales {
  const leadMs = leadMinutes * 60_000;
  return { leadMs, bucketMs: leadMs / BUCKETS_PER_LEAD, windowMs: leadMs * WINDOW_LEADS, horizonMs: leadMs * HORIZON_LEADS };
}

/** A server as the fleet judge sees it (the servers list's row). */
export interface TPoolMember {
  name: string;
  state: 'ok' | 'warning' | 'critical' | 'silent' | 'drained';
  outlier: unknown | null;
}

/** Healthy: in the pool, reporting, not critical and not far from the rest of the pool. */
export function isHealthy(s: TPoolMember): boolean {
  return s.state !== 'drained' && s.state !== 'silent' && s.state !== 'critical' && s.outlier === null;
}

export interface THeadroomInput {
  perServer: number | null;
  /** latest value of the per-server capacity series by server, when the model names one */
  perServerValues?: ReadonlyMap<string, number>;
  targetUtilization: number;
  leadMinutes: number;
  servers: readonly TPoolMember[];
  /** the load series' points over (at least) the window */
  history: readonly TPoint[];
  now: number;
}

export interface THeadroom {
  load: number | null;
  loadAt: number | null;
  healthyServers: number;
  capacity: number;
  limit: number;
  nPlusOneLimit: number;
  utilization: number | null;
  forecast: TForecastPoint[];
  saturatesAt: number | null;
  nPlusOneSaturatesAt: number | null;
  /** the rolled-up history the forecast was fitted on */
  rollups: TPoint[];
}

/** Each healthy server's capacity: its own series value when it has one, else the model's number. */
function capacities(input: THeadroomInput): number[] {
  const out: number[] = [];
  for (const s of input.servers) {
    if (!isHealthy(s)) continue;
    const own = input.perServerValues?.get(s.name);
    const c = own !== undefined && Number.isFinite(own) && own >= 0 ? own : (input.perServer ?? 0);
    out.push(c);
  }
  return out;
}

export function evaluateHeadroom(input: THeadroomInput): THeadroom {
  const sc = scalesOf(input.leadMinutes);
  const caps = capacities(input);
  const capacity = caps.reduce((a, b) => a + b, 0);
  // N+1: losing the biggest healthy server is the worst single loss.
  const nPlusOne = capacity - (caps.length ? Math.max(...caps) : 0);
  const limit = capacity * input.targetUtilization;
  const nPlusOneLimit = nPlusOne * input.targetUtilization;
  const past = input.history.filter(([t]) => t <= input.now);
  const last = past.length ? past[past.length - 1]! : null;
  const load = last ? last[1] : null;
  const fc = forecast({
    points: past,
    now: input.now,
    bucketMs: sc.bucketMs,
    windowMs: sc.windowMs,
    horizonMs: sc.horizonMs,
  });
  const points = fc?.points ?? [];
  // Without a forecast (too little history) only "full already" can be said.
  const sat = (lim: number) =>
    fc ? saturationTime(points, lim, load, input.now) : load !== null && load >= lim && lim >= 0 ? input.now : null;
  return {
    load,
    loadAt: last ? last[0] : null,
    healthyServers: caps.length,
    capacity,
    limit,
    nPlusOneLimit,
    utilization: load !== null && capacity > 0 ? load / capacity : null,
    forecast: points,
    saturatesAt: sat(limit),
    nPlusOneSaturatesAt: sat(nPlusOneLimit),
    rollups: rollup(
      past.filter(([t]) => t > input.now - sc.windowMs * 2),
      sc.bucketMs,
    ),
  };
}

/** Whether the pool is within the lead time of full: what the signal counts evaluations of. */
export function withinLead(h: Pick<THeadroom, 'saturatesAt'>, now: number, leadMinutes: number): boolean {
  return h.saturatesAt !== null && h.saturatesAt - now <= leadMinutes * 60_000;
}

/**
 * The warning's two-in-a-row rule, as plain state: fires on the second
 * consecutive evaluation within the lead time, recovers on the second
 * consecutive one outside it (one noisy evaluation neither raises nor clears).
 */
export interface TWarnState {
  firing: boolean;
  streak: number;
}

export function stepWarn(s: TWarnState, within: boolean): 'fire' | 'recover' | null {
  if (within === s.firing) {
    s.streak = 0;
    return null;
  }
  s.streak++;
  if (s.streak < 2) return null;
  s.firing = within;
  s.streak = 0;
  return within ? 'fire' : 'recover';
}
