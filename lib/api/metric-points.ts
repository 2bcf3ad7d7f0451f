import { z } from 'zod';
import { boundProblem, isCountSeries } from '../series-bounds';
import { METRIC_NAME_RE, ZPointTime, ZRoomSlug } from './common';

export const MAX_POINTS_PER_BATCH = 10_000;
/** Upper bound of an ingest body in bytes; a full batch of labelled points fits well inside. */
export const MAX_INGEST_BODY_BYTES = 4 * 1024 * 1024;

/** Prometheus-style label names (metric names: METRIC_NAME_RE in ./common). */
const LABEL_NAME_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export const ZMetricPoint = z.strictObject({
  name: z.string().max(200).regex(METRIC_NAME_RE, 'must be a Prometheus-style name, e.g. users_total'),
  // zod 4's number() already refuses NaN and ±Infinity (and JSON cannot carry them).
  value: z.number(),
  time: ZPointTime.optional(),
  labels: z
    .record(z.string().max(100).regex(LABEL_NAME_RE, 'label names are letters, digits and underscores'), z.string().max(200))
    .refine((l) => Object.keys(l).length <= 16, 'at most 16 labels')
    .optional(),
});
export type TMetricPoint = z.infer<typeof ZMetricPoint>;

const MAX_TIME_MS = 8.64e15;

/**
 * The same rules as ZMetricPoint for the common case, in plain code: epoch
 * times, at most 16 labels. It only ever says yes to a point ZMetricPoint
 * accepts (metrics.test.ts checks this on thousands of generated points);
 * on any doubt it says no and ZMetricPoint decides and names the field.
 * Why: per-point zod objects were half the server's time on a 10,000-point
 * batch (bench/ingest.ts).
 */
export function isPlainValidPoint(p: unknown): p is TMetricPoint {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return false;
  let keys = 0;
  for (const k in p) {
    if (!Object.hasOwn(p, k)) return false;
    if (k !== 'name' && k !== 'value' && k !== 'time' && k !== 'labels') return false;
    keys++;
  }
  const { name, value, time, labels } = p as Record<string, unknown>;
  if (typeof name !== 'string' || name.length > 200 || !METRIC_NAME_RE.test(name)) return false;
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if ('time' in p && !(typeof time === 'number' && Number.isSafeInteger(time) && time >= 0 && time <= MAX_TIME_MS)) return false;
  if ('labels' in p) {
    if (typeof labels !== 'object' || labels === null || Array.isArray(labels) || Object.getPrototypeOf(labels) !== Object.prototype)
      return false;
    let n = 0;
    for (const k in labels) {
      if (!Object.hasOwn(labels, k)) return false;
      if (++n > 16 || k.length > 100 || !LABEL_NAME_RE.test(k)) return false;
      const v = (labels as Record<string, unknown>)[k];
      if (typeof v !== 'string' || v.length > 200) return false;
    }
  }
  return keys > 0;
}

function pointJsonSchema(): Record<string, unknown> {
  const { $schema: _, ...schema } = z.toJSONSchema(ZMetricPoint, { io: 'input' });
  return schema;
}

export const ZIngestBody = z.strictObject({
  room: ZRoomSlug.optional(),
  points: z
    .array(z.unknown())
    .min(1, 'at least one point')
    .max(MAX_POINTS_PER_BATCH, `at most ${MAX_POINTS_PER_BATCH} points`)
    .superRefine((points, ctx) => {
      for (let i = 0; i < points.length; i++) {
        if (!isPlainValidPoint(points[i])) {
          const r = ZMetricPoint.safeParse(points[i]);
          if (!r.success) {
            for (const issue of r.error.issues) ctx.addIssue({ ...issue, path: [i, ...issue.path] } as never);
            continue;
          }
          points[i] = r.data;
        }
        // A count below zero is a mistake whatever the room says (lib/series-bounds.ts).
        const p = points[i] as TMetricPoint;
        if (p.value < 0 && isCountSeries(p.name))
          ctx.addIssue({ code: 'custom', path: [i, 'value'], message: boundProblem(p.name, p.value, undefined)! });
      }
    })
    .transform((points) => points as TMetricPoint[])
    // The items are checked point by point above; say what they are for the OpenAPI document.
    .meta({ items: pointJsonSchema() }),
});
export type TIngestBody = z.infer<typeof ZIngestBody>;

export const ZLatestQuery = z.object({ room: ZRoomSlug.optional() });

/** One series' latest value as the API and the socket send it. */
export const ZSeriesLatest = z.object({
  name: z.string(),
  labels: z.record(z.string(), z.string()),
  value: z.number(),
  time: z.string(),
});
export type TSeriesLatest = z.infer<typeof ZSeriesLatest>;

/** A chart point, compact: [epoch ms, value]. */
const ZChartPoint = z.tuple([z.number(), z.number()]);
/** A series' chart points as the socket sends them (join snapshot, metric pushes). */
export const ZSeriesPoints = z.object({ name: z.string(), labels: z.record(z.string(), z.string()), points: z.array(ZChartPoint) });
export type TSeriesPoints = z.infer<typeof ZSeriesPoints>;
