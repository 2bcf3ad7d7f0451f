// Turns a scenario and a seed into every metric point of the night. Pure:
// wall-clock time never enters here, so the same scenario and seed always
// give the same values (scripts/demo/runner.ts decides when they are sent).
import type { TCurve, TScenario, TScenarioSeries } from '../../lib/schemas/scenario';
import { linear, smooth, step } from './curves';
import { Noise } from './random';

interface TScenarioPoint {
  name: string;
  labels?: Record<string, string>;
  value: number;
}

/** All series' points at one moment of scenario time (seconds from go-live). */
export interface TTick {
  at: number;
  points: TScenarioPoint[];
}

/** One series as sent: the scenario's series with its server label filled in. */
interface TCopy {
  spec: TScenarioSeries;
  server?: string;
  labels?: Record<string, string>;
  base: (t: number) => number;
  noise: Noise;
  last: number | null;
}

/** Scenario times of every tick: start, start+step, … up to end. */
export function tickTimes(s: Pick<TScenario, 'start' | 'end' | 'step'>): number[] {
  const n = Math.floor((s.end - s.start) / s.step) + 1;
  return Array.from({ length: n }, (_, i) => s.start + i * s.step);
}

function keyframeCurve(curve: Extract<TCurve, { kind: 'keyframes' }>): (t: number) => number {
  const knots = curve.points.map((p) => ({ at: p.at, value: p.value }));
  return curve.interpolate === 'linear' ? linear(knots) : curve.interpolate === 'step' ? step(knots) : smooth(knots);
}

/** Base curves by series name; a `follow` curve scales its source between min and max by the source's peak. */
function baseCurves(s: TScenario, times: number[]): Map<string, (t: number) => number> {
  const curves = new Map<string, (t: number) => number>();
  for (const x of s.series)
    if (x.curve.kind === 'keyframes' && !x.servers && !curves.has(x.name)) curves.set(x.name, keyframeCurve(x.curve));
  return new Map(
    s.series.map((x, i) => {
      const curve = x.curve;
      if (curve.kind === 'keyframes') return [String(i), keyframeCurve(curve)];
      const source = curves.get(curve.series)!;
      const peak = Math.max(...times.map(source)) || 1;
      return [String(i), (t: number) => curve.min + ((curve.max - curve.min) * source(t)) / peak];
    }),
  );
}

function applyOverrides(copy: TCopy, t: number, value: number): number | null {
  for (const o of copy.spec.overrides) {
    if (t < o.from || t >= (o.to ?? Infinity) || (o.server !== undefined && o.server !== copy.server)) continue;
    if (o.silent) return null;
    if (o.set !== undefined) value = o.set;
    if (o.scale !== undefined) value *= o.scale;
  }
  return value;
}

function valueAt(copy: TCopy, t: number): number | null {
  const overridden = applyOverrides(copy, t, copy.base(t));
  // The noise stream advances even for a silent point, so a drained window
  // does not shift the values that come after it.
  const jitter = copy.noise.gaussian();
  if (overridden === null) return null;
  let v = overridden * (1 + copy.spec.noise * jitter);
  if (copy.spec.min !== undefined) v = Math.max(copy.spec.min, v);
  if (copy.spec.max !== undefined) v = Math.min(copy.spec.max, v);
  if (copy.spec.round) v = Math.round(v);
  else v = Number(v.toPrecision(6));
  if (copy.spec.monotonic && copy.last !== null) v = Math.max(copy.last, v);
  copy.last = v;
  return v;
}

/** Every point of the scenario, tick by tick, for this seed. */
export function generateTicks(s: TScenario, seed: number): TTick[] {
  const times = tickTimes(s);
  const curves = baseCurves(s, times);
  const copies: TCopy[] = s.series.flatMap((spec, i) =>
    (spec.servers ?? [undefined]).map((server) => {
      const labels = server === undefined ? spec.labels : { ...spec.labels, server };
      const key = `${spec.name}${JSON.stringify(labels ?? {})}#${i}`;
      return { spec, server, labels, base: curves.get(String(i))!, noise: new Noise(seed, key), last: null };
    }),
  );
  return times.map((at) => ({
    at,
    points: copies.flatMap((c) => {
      const value = valueAt(c, at);
      if (value === null) return [];
      return [c.labels ? { name: c.spec.name, labels: c.labels, value } : { name: c.spec.name, value }];
    }),
  }));
}

/** The values of one series (optionally one server's copy) over the night, for tests and summaries. */
export function seriesValues(ticks: TTick[], name: string, server?: string): { at: number; value: number }[] {
  return ticks.flatMap((tk) =>
    tk.points
      .filter((p) => p.name === name && (server === undefined || p.labels?.server === server))
      .map((p) => ({ at: tk.at, value: p.value })),
  );
}
