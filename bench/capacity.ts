/**
 * Backtest of the capacity forecaster (issue 23). Replays the demo night's
 * users_online (scenarios/default.yaml through scripts/demo) and a flat night
 * with bursts, and prints:
 *   - forecast error 15 and 30 minutes ahead (mean absolute % error) per method and window,
 *     over the launch climb (go-live → the midnight peak) and the whole night;
 *   - false warnings on the flat night (two evaluations in a row within the lead time);
 *   - on the demo night, when the warning fires against the healthy pool the fleet judge sees
 *     (web-3 drifts, fails and is drained during the climb), and when the load would reach the limit.
 * Pure computation on recorded curves: no server, no database.
 *
 *   npx tsx bench/capacity.ts [--seed 1] [--demo]   (--demo: only the demo night's warning, in a second)
 */
import { loadavg } from 'node:os';
import { forecast, type TForecastMethod, type TPoint } from '../lib/capacity/forecast';
import { scalesOf, stepWarn, type TWarnState } from '../lib/capacity/headroom';
import { generateTicks, seriesValues } from '../scripts/demo/generate';
import { DEFAULT_SCENARIO, loadScenario } from '../scripts/demo/load-scenario';
import { Noise } from '../scripts/demo/random';
import { replayCapacity } from '../scripts/demo/capacity-replay';

const args = process.argv.slice(2);
const SEED = Number(args.includes('--seed') ? args[args.indexOf('--seed') + 1] : 1);
const DEMO_ONLY = args.includes('--demo');
const MIN = 60_000;
const LEAD_MIN = 30;
const METHODS: TForecastMethod[] = ['theil-sen', 'holt', 'least-squares'];
/** History windows tried, in lead times (30 min each). */
const WINDOWS = [0.5, 1, 2];

const scenario = loadScenario(DEFAULT_SCENARIO);
const ticks = generateTicks(scenario, SEED);
const night: TPoint[] = seriesValues(ticks, 'users_online').map((p) => [p.at * 1000, p.value]);
const PEAK_AT = 3 * 3600_000 + 41 * MIN;

/** The value at time t, linear between the recorded points. */
function actualAt(points: TPoint[], t: number): number | null {
  let lo = 0;
  let hi = points.length - 1;
  if (t < points[0]![0] || t > points[hi]![0]) return null;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid]![0] <= t) lo = mid;
    else hi = mid;
  }
  const a = points[lo]!;
  const b = points[hi]!;
  return b[0] === a[0] ? a[1] : a[1] + ((b[1] - a[1]) * (t - a[0])) / (b[0] - a[0]);
}

function forecastAt(points: TPoint[], now: number, method: TForecastMethod, windowLeads: number, aheadMs: number): number | null {
  const sc = scalesOf(LEAD_MIN);
  const fc = forecast({
    points: points.filter(([t]) => t <= now && t > now - sc.windowMs * windowLeads),
    now,
    bucketMs: sc.bucketMs,
    windowMs: sc.windowMs * windowLeads,
    horizonMs: sc.horizonMs,
    method,
  });
  if (!fc) return null;
  const i = Math.round(aheadMs / sc.bucketMs);
  return fc.points[i]?.value ?? null;
}

/** Mean absolute percentage error of the forecast `ahead` minutes out, evaluated once a minute in [from, to]. */
function mape(points: TPoint[], from: number, to: number, method: TForecastMethod, windowLeads: number, aheadMin: number) {
  let sum = 0;
  let n = 0;
  let worst = 0;
  for (let now = from; now + aheadMin * MIN <= to; now += MIN) {
    const f = forecastAt(points, now, method, windowLeads, aheadMin * MIN);
    const a = actualAt(points, now + aheadMin * MIN);
    if (f === null || a === null || a === 0) continue;
    const e = Math.abs(f - a) / a;
    sum += e;
    worst = Math.max(worst, e);
    n++;
  }
  return { mape: n ? sum / n : Number.NaN, worst, n };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** A quiet night: 300k online ±1 %, with bursts of +15–30 % lasting 2–5 minutes every 20–60 minutes. */
function flatNight(seed: number): TPoint[] {
  const noise = new Noise(seed, 'flat-night');
  const out: TPoint[] = [];
  let nextBurst = 20 * MIN;
  let burstEnd = -1;
  let burstSize = 0;
  for (let t = 0; t <= 8 * 3600_000; t += 30_000) {
    if (t >= nextBurst) {
      burstSize = 0.15 + 0.15 * noise.uniform();
      burstEnd = t + (2 + 3 * noise.uniform()) * MIN;
      nextBurst = t + (20 + 40 * noise.uniform()) * MIN;
    }
    const burst = t < burstEnd ? burstSize : 0;
    out.push([t, Math.round(300_000 * (1 + burst + 0.01 * noise.gaussian()))]);
  }
  return out;
}

/** Warnings a night raises with a fixed healthy pool: evaluations once a minute, two in a row within the lead. */
function warnings(points: TPoint[], method: TForecastMethod, windowLeads: number, perServer: number, servers: number) {
  const sc = scalesOf(LEAD_MIN);
  const limit = perServer * servers * 0.8;
  const s: TWarnState = { firing: false, streak: 0 };
  let fired = 0;
  for (let now = points[0]![0] + 10 * MIN; now <= points.at(-1)![0]; now += MIN) {
    const windowMs = sc.windowMs * windowLeads;
    const past = points.filter(([t]) => t <= now && t > now - windowMs);
    const fc = forecast({ points: past, now, bucketMs: sc.bucketMs, windowMs, horizonMs: sc.horizonMs, method });
    const load = past.at(-1)![1];
    let sat: number | null = load >= limit ? now : null;
    if (sat === null && fc) sat = fc.points.find((p) => p.high >= limit)?.time ?? null;
    if (stepWarn(s, sat !== null && sat - now <= sc.leadMs) === 'fire') fired++;
  }
  return fired;
}

console.log(
  `capacity backtest · seed ${SEED} · load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(`lead ${LEAD_MIN} min, one-minute rollups; error = mean |forecast − actual| ÷ actual, forecast made once a minute\n`);
if (!DEMO_ONLY) backtest();

function backtest() {
  console.log('launch night (users_online of scenarios/default.yaml)');
  console.log('method         window   climb +15   climb +30   night +15   night +30   worst climb +30');
  for (const m of METHODS)
    for (const w of WINDOWS) {
      const c15 = mape(night, 10 * MIN, PEAK_AT, m, w, 15);
      const c30 = mape(night, 10 * MIN, PEAK_AT, m, w, 30);
      const n15 = mape(night, 10 * MIN, night.at(-1)![0], m, w, 15);
      const n30 = mape(night, 10 * MIN, night.at(-1)![0], m, w, 30);
      console.log(
        `${m.padEnd(14)} ${`${w * LEAD_MIN} min`.padEnd(8)} ${pct(c15.mape).padStart(9)}   ${pct(c30.mape).padStart(9)}   ${pct(n15.mape).padStart(9)}   ${pct(n30.mape).padStart(9)}   ${pct(c30.worst).padStart(9)}`,
      );
    }

  console.log('\nflat night with bursts (300k ±1 %, bursts +15–30 % for 2–5 min), 40 servers × 12,500, target 80 % (limit 400k)');
  console.log('method         window   false warnings over five 8-hour nights');
  for (const m of METHODS)
    for (const w of WINDOWS) {
      const counts = [1, 2, 3, 4, 5].map((seed) => warnings(flatNight(SEED * 100 + seed), m, w, 12_500, 40));
      console.log(`${m.padEnd(14)} ${`${w * LEAD_MIN} min`.padEnd(8)} ${counts.join(', ')} (total ${counts.reduce((a, b) => a + b, 0)})`);
    }
}

// The demo night against the pool the fleet judge sees, with the model the demo sets.
const cap = scenario.capacity;
if (cap) {
  const r = replayCapacity(scenario, SEED, PEAK_AT + 60 * MIN);
  const fmt = (ms: number) => `+${Math.floor(ms / 3600_000)}h${String(Math.floor((ms % 3600_000) / MIN)).padStart(2, '0')}m`;
  const rel = (a: number, b: number) => `${a >= b ? '+' : '−'}${Math.round(Math.abs(a - b) / MIN)} min`;
  console.log(`\ndemo night: ${cap.perServer} per server, target ${cap.targetUtilization}, lead ${cap.leadMinutes} min`);
  for (const l of r.log) {
    if (!l.step) {
      console.log(`  ${fmt(l.at)} healthy servers ${l.healthyServers}, limit ${Math.round(l.limit / 1000)}k`);
      continue;
    }
    const full = l.saturatesAt === null ? 'not within the horizon' : `in ~${Math.round((l.saturatesAt - l.at) / MIN)} min`;
    console.log(
      `  ${fmt(l.at)} warning ${l.step === 'fire' ? 'raised' : 'cleared'}: load ${Math.round((l.load ?? 0) / 1000)}k, pool ${pct(l.utilization ?? 0)}, full ${full}`,
    );
  }
  console.log(`  load first reaches the limit: ${r.firstFull === null ? 'never' : fmt(r.firstFull)}`);
  const w = r.firstWarning;
  console.log(
    `  first warning: ${w === null ? 'never' : fmt(w)}` +
      (w !== null && r.drain ? ` · ${rel(w, r.drain.at)} from the drain of ${r.drain.server} (${fmt(r.drain.at)})` : '') +
      (w !== null && r.firstFull !== null ? ` · ${rel(w, r.firstFull)} from saturation` : ''),
  );
}
