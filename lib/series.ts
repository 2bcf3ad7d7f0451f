/**
 * Series vocabulary both sides use, free of zod so that screens which only
 * display numbers do not ship the validator (lib/schemas/metrics.ts
 * re-exports all of it).
 */
import type { z } from 'zod';
import type { ZSeriesPoints } from './api/realtime';

export const HEADLINE_SERIES = { users: 'users_total', online: 'users_online' } as const;

/** Chart points, compact: [epoch ms, value]. */
export type TChartPoint = [number, number];

/** A series' chart points as the socket sends them (schema: ZSeriesPoints in lib/api/realtime.ts). */
export type TSeriesPoints = z.infer<typeof ZSeriesPoints>;

/** Canonical text of a label set: sorted keys, "" for none. Series are keyed by it. */
export function labelsKey(labels: Record<string, string> | undefined): string {
  if (!labels) return '';
  const keys = Object.keys(labels);
  if (keys.length === 0) return '';
  // One label (server="web-3") is the common case on the ingest hot path: no sort, no object.
  if (keys.length === 1) return `{${JSON.stringify(keys[0])}:${JSON.stringify(labels[keys[0]!])}}`;
  keys.sort();
  const sorted: Record<string, string> = {};
  for (const k of keys) sorted[k] = labels[k]!;
  return JSON.stringify(sorted);
}

export function parseLabelsKey(key: string): Record<string, string> {
  return key ? (JSON.parse(key) as Record<string, string>) : {};
}

/** The unlabelled series of this name in a list: the headline number, not one server's. */
export function unlabelled<T extends { name: string; labels: Record<string, string> }>(
  list: readonly T[] | undefined,
  name: string,
): T | undefined {
  return list?.find((s) => s.name === name && Object.keys(s.labels).length === 0);
}
