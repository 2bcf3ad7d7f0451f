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
  /** every point of this series in the batch, time-ordered, deduplicated by time */
  points: [number, number][];
}

export interface SampleStore {
  /** Writes a batch atomically; returns one change per series touched. */
  insertBatch(roomId: string, rows: TSampleRow[]): Promise<TSeriesChange[]>;
  /** Points of a series between two times, oldest first. */
  readRange(seriesId: number, fromMs: number, toMs: number): Promise<[number, number][]>;
  close(): Promise<void>;
}

/** Groups a batch by series, sorted by time, last write wins for a repeated time. */
export function groupBySeries(rows: TSampleRow[]): Map<string, { name: string; labelsKey: string; points: Map<number, number> }> {
  const groups = new Map<string, { name: string; labelsKey: string; points: Map<number, number> }>();
  for (const r of rows) {
    const key = r.name + '\u0000' + r.labelsKey;
    let g = groups.get(key);
    if (!g) {
      g = { name: r.name, labelsKey: r.labelsKey, points: new Map() };
      groups.set(key, g);
    }
    g.points.set(r.time, r.value);
  }
  return groups;
}

export function toChange(seriesId: number, name: string, labelsKey: string, points: Map<number, number>): TSeriesChange {
  const sorted = [...points.entries()].sort((a, b) => a[0] - b[0]);
  const last = sorted[sorted.length - 1]!;
  return { seriesId, name, labelsKey, latestTime: last[0], latestValue: last[1], points: sorted };
}
