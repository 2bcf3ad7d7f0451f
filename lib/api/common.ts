import { z } from 'zod';
import { ZEscalation } from '../escalation';
import { SEVERITIES, SIGNAL_KINDS, STATUSES } from '../incidents';

/** Shapes several resources share. One room shape, one person reference, one milestone, one annotation. */

/** Prometheus-style metric names. */
export const METRIC_NAME_RE = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

export const ZRoomSlug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes');

/** A time as ISO-8601 text or epoch milliseconds, to a Date. */
export const ZPointTime = z.union([
  // Epoch milliseconds first: the common case for machines, and the cheaper check.
  z.number().int().nonnegative().max(8.64e15),
  z.iso.datetime({ offset: true, message: 'must be ISO-8601 with a time zone, or epoch milliseconds' }),
]);

/** The incident enums, declared once (the zod-free lists are in lib/incidents.ts for lean screens). */
export const ZSeverity = z.enum(SEVERITIES, { message: 'must be SEV1, SEV2, SEV3 or SEV4' });
export const ZStatus = z.enum(STATUSES, { message: 'must be investigating, identified, monitoring or resolved' });
/** What can open an incident besides a person. */
export const ZSignalKind = z.enum(SIGNAL_KINDS);
/** A finding's decision on the elimination log. */
export const ZFindingState = z.enum(['open', 'ruled_out', 'confirmed'], { message: 'must be ruled_out, confirmed or open' });
/** An alert's state as Alertmanager and the generic webhook send it. */
export const ZAlertStatus = z.enum(['firing', 'resolved'], { message: 'must be firing or resolved' });
/** Which side of a threshold is bad (safety lines, alert rules). */
export const ZDirection = z.enum(['above', 'below'], { message: 'must be above or below' });
/** The two languages a room, a person and a report speak. */
export const ZLocale = z.enum(['en', 'zh'], { message: 'must be en or zh' });

export const ZIsoTime = z.string().describe('ISO-8601 time');

export const ZPersonRef = z.object({ id: z.string(), name: z.string() });
export type TPersonRef = z.infer<typeof ZPersonRef>;

export const ZRoomInfo = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  locale: ZLocale,
  timeZone: z.string(),
  goLiveAt: ZIsoTime.nullable(),
  idleClaimMinutes: z.number().int(),
  staleAfterSeconds: z.number().int(),
  isDefault: z.boolean(),
  archived: z.boolean(),
  /** minutes an incident may stay unclaimed before incident.unclaimed, per severity (null = never) */
  escalation: ZEscalation,
});

export const ZMilestone = z.object({
  id: z.string(),
  seriesName: z.string(),
  threshold: z.number(),
  label: z.string(),
  reachedAt: ZIsoTime.nullable(),
});
export type TMilestone = z.infer<typeof ZMilestone>;

export const ZAnnotation = z.object({ id: z.string(), time: ZIsoTime, label: z.string() });

/** Path parameter `:room`. */
export const ZRoomParams = z.object({ room: ZRoomSlug });
/** Path parameters `:room` and `:id`. */
export const ZRoomIdParams = z.object({ room: ZRoomSlug, id: z.string().min(1).max(64) });
/** Path parameter `:id`. */
export const ZIdParams = z.object({ id: z.string().min(1).max(64) });
