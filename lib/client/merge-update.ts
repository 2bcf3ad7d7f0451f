import { appendWindowed } from '../decimate';
import type { TMetricsUpdate, TRoomSnapshot } from '../events';
import { labelsKey } from '../series';

const CLIENT_WINDOW_MS = 24 * 3600_000;
const CLIENT_MAX_POINTS = 1500;

/**
 * Applies a coalesced push to a snapshot. Latest values only move forward in
 * time, so a push that arrives late never steps a number backwards.
 */
export function mergeUpdate(snap: TRoomSnapshot, update: TMetricsUpdate): TRoomSnapshot {
  const latest = new Map(snap.latest.map((s) => [`${s.name}\u0000${labelsKey(s.labels)}`, s]));
  for (const s of update.latest) {
    const key = `${s.name}\u0000${labelsKey(s.labels)}`;
    const prev = latest.get(key);
    if (!prev || Date.parse(prev.time) <= Date.parse(s.time)) latest.set(key, s);
  }
  const history = snap.history.map((h) => ({ ...h }));
  for (const u of update.points) {
    const key = labelsKey(u.labels);
    const h = history.find((x) => x.name === u.name && labelsKey(x.labels) === key);
    if (h) h.points = appendWindowed(h.points, u.points, CLIENT_WINDOW_MS, CLIENT_MAX_POINTS);
    else history.push({ name: u.name, labels: u.labels, points: appendWindowed([], u.points, CLIENT_WINDOW_MS, CLIENT_MAX_POINTS) });
  }
  return { ...snap, serverTime: Math.max(snap.serverTime, update.serverTime), latest: [...latest.values()], history };
}
