import { z } from 'zod';
import { ZEscalation } from '../escalation';
import { ZRoomSlug } from '../schemas/metrics';

/** Shapes several resources share. One room shape, one person reference, one milestone, one annotation. */

export const ZIsoTime = z.string().describe('ISO-8601 time');

export const ZPersonRef = z.object({ id: z.string(), name: z.string() });
export type TPersonRef = z.infer<typeof ZPersonRef>;

export const ZRoomInfo = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  locale: z.enum(['en', 'zh']),
  timeZone: z.string(),
  goLiveAt: ZIsoTime.nullable(),
  idleClaimMinutes: z.number().int(),
  staleAfterSeconds: z.number().int(),
  isDefault: z.boolean(),
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
