/**
 * Series vocabulary both sides use, free of zod and of imports so that
 * screens which only display numbers do not ship the validator. Wire
 * shapes of series: lib/api/metric-points.ts.
 */

export const HEADLINE_SERIES = { users: 'users_total', online: 'users_online' } as const;

/** Chart points, compact: [epoch ms, value]. */
export type TChartPoint = [number, number];

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

/**
 * A label set as people say it after a rule's name: "on web-7" for
 * {server: "web-7"}, values in the key's order, leaving out the labels the
 * rule itself is fixed to (`fixed`); "" when none is left.
 */
export function onLabels(key: string, fixed: Record<string, string> = {}): string {
  const values = Object.entries(parseLabelsKey(key))
    .filter(([k]) => !(k in fixed))
    .map(([, v]) => v);
  return values.length ? ` on ${values.join(', ')}` : '';
}

/** The unlabelled series of this name in a list: the headline number, not one server's. */
export function unlabelled<T extends { name: string; labels: Record<string, string> }>(
  list: readonly T[] | undefined,
  name: string,
): T | undefined {
  return list?.find((s) => s.name === name && Object.keys(s.labels).length === 0);
}
