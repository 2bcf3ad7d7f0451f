/**
 * The hot path of ingest: series upsert, sample insert and latest-value update
 * for one batch, in one transaction, on the raw driver. Prisma's createMany is
 * kept off this path on purpose (bench/ingest.ts prints both figures).
 */
import { labelsKey } from '../../lib/series';

export interface TSampleRow {
  name: string;
  labelsKey: string;
  time: number; // epoch ms
  value: number;
}

export interface TSeriesChange {
  seriesId: number;
  name: string;
  labelsKey: string;
  /** the batch's newest point of this series */
  latestTime: number;
  latestValue: number;
  /** unlabelled series: every point of the batch, time-ordered, one per time; labelled series: none */
  points: [number, number][];
}

export interface SampleStore {
  /** Writes a batch atomically; returns one change per series touched. */
  insertBatch(roomId: string, rows: TSampleRow[]): Promise<TSeriesChange[]>;
  /** The same for a batch already grouped by series (groupPoints: the ingest path). */
  insertGroups(roomId: string, groups: TSeriesGroup[]): Promise<TSeriesChange[]>;
  /** Points of a series between two times, oldest first. */
  readRange(seriesId: number, fromMs: number, toMs: number): Promise<[number, number][]>;
  close(): Promise<void>;
}

/** One series' share of a batch, in batch order. */
export interface TSeriesGroup {
  name: string;
  labelsKey: string;
  times: number[];
  values: number[];
  /** newest point; for a repeated time the later write wins */
  latestTime: number;
  latestValue: number;
}

/**
 * One pass over a batch, grouping it by series. Plain arrays, not a map per
 * series: a 10,000-point batch is the hot path and its garbage counts.
 */
export function groupBySeries(rows: TSampleRow[]): TSeriesGroup[] {
  const byKey = new Map<string, TSeriesGroup>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const key = `${r.name}\u0000${r.labelsKey}`;
    let g = byKey.get(key);
    if (!g) {
      g = { name: r.name, labelsKey: r.labelsKey, times: [], values: [], latestTime: -Infinity, latestValue: 0 };
      byKey.set(key, g);
    }
    g.times.push(r.time);
    g.values.push(r.value);
    if (r.time >= g.latestTime) {
      g.latestTime = r.time;
      g.latestValue = r.value;
    }
  }
  return [...byKey.values()];
}

/** A validated point as the API takes it (TMetricPoint in lib/api/metric-points.ts). */
interface TPointIn {
  name: string;
  value: number;
  time?: number | string;
  labels?: Record<string, string>;
}

/**
 * groupBySeries straight from the validated points, for the ingest path: no
 * row object and no key string per point. Points without labels are found
 * by name, points with one label (the common case: server="web-3") through
 * name → label → value maps; only points with several labels build their
 * canonical key to be grouped. A point without a time takes `now`.
 */
export function groupPoints(points: readonly TPointIn[], now: number): TSeriesGroup[] {
  const groups: TSeriesGroup[] = [];
  const plain = new Map<string, TSeriesGroup>();
  const single = new Map<string, Map<string, Map<string, TSeriesGroup>>>();
  const several = new Map<string, TSeriesGroup>();
  const newGroup = (name: string, key: string) => {
    const g: TSeriesGroup = { name, labelsKey: key, times: [], values: [], latestTime: -Infinity, latestValue: 0 };
    groups.push(g);
    return g;
  };
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const { name, labels } = p;
    let first: string | undefined;
    let n = 0;
    if (labels) {
      for (const k in labels) {
        if (n++ === 0) first = k;
        else break;
      }
    }
    let g: TSeriesGroup | undefined;
    if (n === 0) {
      g = plain.get(name);
      if (!g) {
        g = newGroup(name, '');
        plain.set(name, g);
      }
    } else if (n === 1) {
      const v = labels![first!]!;
      let byLabel = single.get(name);
      if (!byLabel) {
        byLabel = new Map();
        single.set(name, byLabel);
      }
      let byValue = byLabel.get(first!);
      if (!byValue) {
        byValue = new Map();
        byLabel.set(first!, byValue);
      }
      g = byValue.get(v);
      if (!g) {
        g = newGroup(name, labelsKey(labels));
        byValue.set(v, g);
      }
    } else {
      const key = labelsKey(labels);
      const k = `${name}\u0000${key}`;
      g = several.get(k);
      if (!g) {
        g = newGroup(name, key);
        several.set(k, g);
      }
    }
    const time = p.time === undefined ? now : typeof p.time === 'number' ? p.time : Date.parse(p.time);
    g.times.push(time);
    g.values.push(p.value);
    if (time >= g.latestTime) {
      g.latestTime = time;
      g.latestValue = p.value;
    }
  }
  return groups;
}

/** A group's points sorted by time, one per time (the later write wins). */
export function sortedPoints(g: TSeriesGroup): [number, number][] {
  const { times, values } = g;
  let increasing = true;
  for (let i = 1; i < times.length && increasing; i++) increasing = times[i]! > times[i - 1]!;
  if (increasing) return times.map((t, i) => [t, values[i]!]);
  const byTime = new Map<number, number>();
  for (let i = 0; i < times.length; i++) byTime.set(times[i]!, values[i]!);
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]);
}

/**
 * What a batch changed in one series. Chart points are kept for unlabelled
 * (headline) series only: labelled ones (server health) are shown by their
 * latest value, and copying thousands of their points would be waste.
 */
export function toChange(seriesId: number, g: TSeriesGroup): TSeriesChange {
  return {
    seriesId,
    name: g.name,
    labelsKey: g.labelsKey,
    latestTime: g.latestTime,
    latestValue: g.latestValue,
    points: g.labelsKey === '' ? sortedPoints(g) : [],
  };
}
