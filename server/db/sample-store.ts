/**
 * The hot path of ingest: series upsert, sample insert and latest-value update
 * for one batch, in one transaction, on the raw driver. Prisma's createMany is
 * kept off this path on purpose (bench/ingest.ts prints both figures).
 */
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
  /** Points of a series between two times, oldest first. */
  readRange(seriesId: number, fromMs: number, toMs: number): Promise<[number, number][]>;
  /** Deletes the points of these series between two times (inclusive), atomically; each series' latest value becomes its newest remaining point. Returns how many went. */
  deleteRange(seriesIds: number[], fromMs: number, toMs: number): Promise<number>;
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
