import { z } from 'zod';

/** Minutes an incident may stay unclaimed before incident.unclaimed, per severity; null = never. */
export const ZEscalation = z
  .object({
    SEV1: z.number().int().min(1).max(1440).nullable(),
    SEV2: z.number().int().min(1).max(1440).nullable(),
    SEV3: z.number().int().min(1).max(1440).nullable(),
    SEV4: z.number().int().min(1).max(1440).nullable(),
  })
  .strict();
export type TEscalation = z.infer<typeof ZEscalation>;

export const DEFAULT_ESCALATION: TEscalation = { SEV1: 5, SEV2: 15, SEV3: null, SEV4: null };

/** A room's stored setting (JSON, or null for the defaults). */
export function parseEscalation(stored: string | null | undefined): TEscalation {
  if (!stored) return DEFAULT_ESCALATION;
  const parsed = ZEscalation.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : DEFAULT_ESCALATION;
}

/**
 * How many escalation notices an unclaimed incident is owed by now: one at
 * each interval since it opened (0 before the first, or when its severity
 * never escalates).
 */
export function noticesDue(openedAtMs: number, nowMs: number, minutes: number | null): number {
  if (!minutes) return 0;
  return Math.max(0, Math.floor((nowMs - openedAtMs) / (minutes * 60_000)));
}
