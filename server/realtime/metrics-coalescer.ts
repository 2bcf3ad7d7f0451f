import { decimate } from '../../lib/decimate';
import { parseLabelsKey, type TChartPoint } from '../../lib/series';
import type { TSeriesLatest } from '../../lib/api/metric-points';
import type { TMetricsUpdate } from '../../lib/events';
import type { TSeriesChange } from '../db/sample-store';

/** Chart points a single push carries per series at most. */
const MAX_POINTS_PER_PUSH = 200;

interface TPending {
  latest: Map<string, TSeriesLatest>;
  points: Map<string, { name: string; labels: Record<string, string>; points: TChartPoint[] }>;
}

/**
 * Gathers a room's metric changes and pushes them at most once per interval,
 * whatever the ingest rate: the first change after a quiet spell goes out on
 * the next tick, later ones wait for the interval to pass (a throttle with a
 * leading edge). Only series without labels carry chart points; labelled ones
 * (server health) carry their latest value.
 */
export class MetricsCoalescer {
  private pending = new Map<string, TPending>();
  private lastFlush = new Map<string, number>();
  private timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly intervalMs: number,
    private readonly send: (roomId: string, update: TMetricsUpdate) => void,
  ) {}

  add(roomId: string, changes: TSeriesChange[]): void {
    let p = this.pending.get(roomId);
    if (!p) {
      p = { latest: new Map(), points: new Map() };
      this.pending.set(roomId, p);
    }
    for (const c of changes) {
      const key = `${c.name}\u0000${c.labelsKey}`;
      const prev = p.latest.get(key);
      if (!prev || Date.parse(prev.time) <= c.latestTime) {
        p.latest.set(key, {
          name: c.name,
          labels: parseLabelsKey(c.labelsKey),
          value: c.latestValue,
          time: new Date(c.latestTime).toISOString(),
        });
      }
      if (c.labelsKey === '') {
        const entry = p.points.get(key) ?? { name: c.name, labels: {}, points: [] };
        for (const pt of c.points) entry.points.push(pt);
        p.points.set(key, entry);
      }
    }
    this.schedule(roomId);
  }

  private schedule(roomId: string): void {
    if (this.timers.has(roomId)) return;
    const since = Date.now() - (this.lastFlush.get(roomId) ?? 0);
    const wait = Math.max(0, this.intervalMs - since);
    const timer = setTimeout(() => this.flush(roomId), wait);
    timer.unref?.();
    this.timers.set(roomId, timer);
  }

  flush(roomId: string): void {
    this.timers.delete(roomId);
    const p = this.pending.get(roomId);
    if (!p) return;
    this.pending.delete(roomId);
    this.lastFlush.set(roomId, Date.now());
    const points = [...p.points.values()].map((s) => {
      s.points.sort((a, b) => a[0] - b[0]);
      return { ...s, points: decimate(s.points, MAX_POINTS_PER_PUSH) };
    });
    this.send(roomId, { roomId, serverTime: Date.now(), latest: [...p.latest.values()], points });
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.pending.clear();
  }
}
