/**
 * What a point must respect to be believed: counts are never negative, and a
 * room may give a series a floor, a ceiling and a largest believable step
 * (room settings `seriesBounds`). Plain code shared by ingest (which refuses
 * the whole batch naming the point) and the settings page (which shows them).
 */
import { HEADLINE_SERIES } from './series';

/** A series' bounds; any of them may be absent. */
export interface TSeriesBound {
  min?: number | null;
  max?: number | null;
  /** the largest change from the previous point of the same label set that is believable */
  maxStep?: number | null;
}
export type TSeriesBounds = Record<string, TSeriesBound>;

/** Counts: the headline series and any Prometheus-style `*_total`. A negative one is always a mistake. */
export function isCountSeries(name: string): boolean {
  return name === HEADLINE_SERIES.users || name === HEADLINE_SERIES.online || name.endsWith('_total');
}

/** Why this value is out of its series' fixed bounds (null: it is fine). Steps need the previous point: see stepProblem. */
export function boundProblem(name: string, value: number, bound: TSeriesBound | undefined): string | null {
  if (value < 0 && isCountSeries(name)) return `must not be negative: ${name} is a count`;
  if (!bound) return null;
  if (bound.min != null && value < bound.min) return `must be at least ${bound.min} (bound of ${name} in room settings)`;
  if (bound.max != null && value > bound.max) return `must be at most ${bound.max} (bound of ${name} in room settings)`;
  return null;
}

/** Why the change from `previous` to `value` is not believable (null: it is, or there is no step bound). */
export function stepProblem(name: string, previous: number, value: number, bound: TSeriesBound | undefined): string | null {
  if (bound?.maxStep == null) return null;
  const step = Math.abs(value - previous);
  return step > bound.maxStep
    ? `changes by ${step} from the previous point ${previous}; the largest believable step of ${name} is ${bound.maxStep} (room settings)`
    : null;
}

/** The stored JSON text of a room's bounds, read leniently: a damaged value means no bounds, not a broken ingest. */
export function parseSeriesBounds(text: string | null | undefined): TSeriesBounds {
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as TSeriesBounds) : {};
  } catch {
    return {};
  }
}

/** Applies a settings patch: a series set to null loses its bounds, the others are replaced whole. */
export function mergeSeriesBounds(current: TSeriesBounds, patch: Record<string, TSeriesBound | null>): TSeriesBounds {
  const next: TSeriesBounds = { ...current };
  for (const [name, b] of Object.entries(patch)) {
    if (b === null) delete next[name];
    else next[name] = b;
  }
  return next;
}
