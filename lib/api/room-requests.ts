import { z } from 'zod';
import { ZEscalation } from '../escalation';
import { METRIC_NAME_RE, ZDirection, ZLocale, ZPointTime } from './common';
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

/** What a lead may change on a room; every field optional, at least one required. */
export const ZRoomSettingsPatch = z
  .strictObject({
    name: z.string().trim().min(1, 'required').max(100).optional(),
    locale: ZLocale.optional(),
    timeZone: ZTimeZone.optional(),
    /** go-live moment for the countdown; null clears it */
    goLiveAt: ZPointTime.nullable().optional(),
    staleAfterSeconds: z.number().int().min(5).max(86_400).optional(),
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

/** "2M users" / "200万 users": the default label of a milestone. */
export function defaultMilestoneLabel(seriesName: string, threshold: number): string {
  const n =
    threshold >= 1e6 ? `${+(threshold / 1e6).toFixed(2)}M` : threshold >= 1e3 ? `${+(threshold / 1e3).toFixed(2)}K` : String(threshold);
  return seriesName === 'users_total' ? `${n} users` : seriesName === 'users_online' ? `${n} online` : `${seriesName} ${n}`;
}
