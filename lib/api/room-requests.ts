import { z } from 'zod';
import { ZEscalation } from '../escalation';
import { METRIC_NAME_RE, ZDirection, ZLocale, ZPointTime, ZRoomSlug } from './common';
import { ZStatusPageSettings } from './status';

const ZTimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone, e.g. Asia/Shanghai');

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** A series' floor, ceiling and largest believable step between two points (lib/series-bounds.ts). */
export const ZSeriesBound = z
  .strictObject({
    min: finite.nullable().optional(),
    max: finite.nullable().optional(),
    maxStep: finite
      .refine((n) => n > 0, 'must be above zero')
      .nullable()
      .optional(),
  })
  .superRefine((b, ctx) => {
    if (b.min != null && b.max != null && b.max < b.min)
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'must be at or above min' });
  });

/** A new room (admin): the slug is its URL (/wall/<slug>, /rooms/<slug>/…). */
export const ZCreateRoom = z.strictObject({
  slug: ZRoomSlug.max(40).refine((s) => !s.endsWith('-'), 'must not end with a dash'),
  name: z.string().trim().min(1, 'required').max(100),
  timeZone: ZTimeZone.default('UTC'),
  locale: ZLocale.default('en'),
});
export type TCreateRoom = z.infer<typeof ZCreateRoom>;

/** What an admin may change on a room from the rooms list; archiving makes it read-only. */
export const ZRoomPatch = z
  .strictObject({
    name: z.string().trim().min(1, 'required').max(100).optional(),
    locale: ZLocale.optional(),
    timeZone: ZTimeZone.optional(),
    archived: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'name at least one field to change');
export type TRoomPatch = z.infer<typeof ZRoomPatch>;

export const ZRoomListQuery = z.object({
  archived: z.enum(['0', '1'], { message: 'must be 0 or 1' }).optional(),
});

/** What a lead may change on a room; every field optional, at least one required. */
export const ZRoomSettingsPatch = z
  .strictObject({
    name: z.string().trim().min(1, 'required').max(100).optional(),
    locale: ZLocale.optional(),
    timeZone: ZTimeZone.optional(),
    /** go-live moment for the countdown; null clears it */
    goLiveAt: ZPointTime.nullable().optional(),
    staleAfterSeconds: z.number().int().min(5).max(86_400).optional(),
    /** per-series bounds a point must keep; a series set to null loses them */
    seriesBounds: z
      .record(z.string().max(200).regex(METRIC_NAME_RE, 'must be a Prometheus-style name'), ZSeriesBound.nullable())
      .optional(),
    /** the public status page at /status/<room>: off by default */
    statusPage: ZStatusPageSettings.optional(),
    /** minutes unclaimed before incident.unclaimed, per severity; null = never */
    escalation: ZEscalation.partial().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'name at least one setting to change');
export type TRoomSettingsPatch = z.infer<typeof ZRoomSettingsPatch>;

const ZSeriesName = z.string().max(200).regex(METRIC_NAME_RE, 'must be a Prometheus-style name, e.g. users_total');

export const ZMilestoneInput = z.strictObject({
  seriesName: ZSeriesName.default('users_total'),
  threshold: z.number().positive('must be above zero').refine(Number.isFinite, 'must be a finite number'),
  label: z.string().trim().min(1, 'required').max(100).optional(),
});
export type TMilestoneInput = z.infer<typeof ZMilestoneInput>;

/** An annotation: a label and, optionally, a time (default: now — "mark now"). */
export const ZAnnotationInput = z.strictObject({
  label: z.string().trim().min(1, 'required').max(120),
  time: ZPointTime.optional(),
});
export type TAnnotationInput = z.infer<typeof ZAnnotationInput>;

export const ZSafetyLineInput = z
  .strictObject({
    metricName: ZSeriesName,
    warning: z.number().refine(Number.isFinite, 'must be a finite number'),
    critical: z.number().refine(Number.isFinite, 'must be a finite number'),
    direction: ZDirection.default('above'),
  })
  .superRefine((l, ctx) => {
    const ok = l.direction === 'above' ? l.critical >= l.warning : l.critical <= l.warning;
    if (!ok)
      ctx.addIssue({
        code: 'custom',
        path: ['critical'],
        message: `must be ${l.direction === 'above' ? 'at or above' : 'at or below'} warning when bad is ${l.direction}`,
      });
  });
export type TSafetyLineInput = z.infer<typeof ZSafetyLineInput>;

/** "2M users" / "200万用户": the default label of a milestone, in the room's language. */
export function defaultMilestoneLabel(seriesName: string, threshold: number, locale: 'en' | 'zh' = 'en'): string {
  if (locale === 'zh') {
    const n =
      threshold >= 1e8 ? `${+(threshold / 1e8).toFixed(2)}亿` : threshold >= 1e4 ? `${+(threshold / 1e4).toFixed(2)}万` : String(threshold);
    return seriesName === 'users_total' ? `${n}用户` : seriesName === 'users_online' ? `${n}在线` : `${seriesName} ${n}`;
  }
  const n =
    threshold >= 1e6 ? `${+(threshold / 1e6).toFixed(2)}M` : threshold >= 1e3 ? `${+(threshold / 1e3).toFixed(2)}K` : String(threshold);
  return seriesName === 'users_total' ? `${n} users` : seriesName === 'users_online' ? `${n} online` : `${seriesName} ${n}`;
}
