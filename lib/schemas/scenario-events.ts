import { z } from 'zod';
import { ZSeverity, ZStatus } from '../api/common';

/**
 * The units a scenario is written in (durations relative to go-live,
 * quantities with K/M, lower-case keys) and the events of its night:
 * annotations, incidents, rules, alerts, drains, handovers … (lib/schemas/scenario.ts
 * holds the scenario around them; docs/scenarios.md documents every field).
 */

const DURATION_RE = /^(-)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** "1h30m" → 5400, "-30m" → -1800, "0" → 0; null when it is not a duration. */
export function parseDuration(text: string): number | null {
  if (text === '0' || text === '-0') return 0;
  const m = DURATION_RE.exec(text.trim());
  if (!m || (!m[2] && !m[3] && !m[4])) return null;
  const secs = Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return m[1] ? -secs : secs;
}

/** Seconds as the shortest duration text, for messages: 5400 → "1h30m". */
export function formatDuration(secs: number): string {
  const sign = secs < 0 ? '-' : '';
  let s = Math.abs(Math.round(secs));
  if (s === 0) return '0';
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${sign}${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
}

/** A duration relative to go-live, in seconds. */
export const ZDuration = z.union([z.string(), z.number()], 'must be a duration such as 90s, 10m, 1h30m or -30m').transform((v, c) => {
  const secs = typeof v === 'number' ? (v === 0 ? 0 : null) : parseDuration(v);
  if (secs === null) {
    c.addIssue({ code: 'custom', message: `"${v}" is not a duration; write it with a unit, e.g. 90s, 10m, 1h30m or -30m` });
    return z.NEVER;
  }
  return secs;
});

const QUANTITY_RE = /^(\d+(?:\.\d+)?)([kKM])?$/;
/** A number, or text with a K/M suffix for readability: "1.25M", "35k". */
export const ZQuantity = z
  .union([z.number().refine(Number.isFinite, 'must be a finite number'), z.string()], 'must be a number such as 1250000 or 1.25M')
  .transform((v, c) => {
    if (typeof v === 'number') return v;
    const m = QUANTITY_RE.exec(v.trim());
    if (!m) {
      c.addIssue({ code: 'custom', message: `"${v}" is not a number; write e.g. 1250000, 1.25M or 35k` });
      return z.NEVER;
    }
    return Number(m[1]) * (m[2] === 'M' ? 1e6 : m[2] ? 1e3 : 1);
  });

export const ZKey = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'must be a lower-case key, e.g. alice or dirty-data')
  .max(40);

const at = { at: ZDuration };
const by = { by: ZKey };
const incidentRef = { incident: ZKey };
export const ZScenarioEvent = z.discriminatedUnion('type', [
  /** a moment on the room's timeline ("gate opened"); marked by a lead (default: the first lead in people) */
  z.strictObject({ type: z.literal('annotate'), ...at, by: ZKey.optional(), label: z.string().trim().min(1).max(120) }),
  z.strictObject({
    type: z.literal('incident'),
    ...at,
    ...by,
    /** the name later events use for this incident */
    ref: ZKey,
    title: z.string().trim().min(1).max(200),
    severity: ZSeverity,
    summary: z.string().max(2000).optional(),
  }),
  z.strictObject({ type: z.literal('claim'), ...at, ...by, ...incidentRef }),
  z.strictObject({
    type: z.literal('update'),
    ...at,
    ...by,
    ...incidentRef,
    body: z.string().trim().min(1).max(5000),
    status: ZStatus.optional(),
  }),
  /** `by` pulls in a lead (`to`, a person key) */
  z.strictObject({ type: z.literal('escalate'), ...at, ...by, ...incidentRef, to: ZKey }),
  /** `by` joins as a helper: "also on it" */
  z.strictObject({ type: z.literal('join'), ...at, ...by, ...incidentRef }),
  /** a hypothesis on the elimination log ("middleware?"); `ref` lets a later decide event name it */
  z.strictObject({
    type: z.literal('finding'),
    ...at,
    ...by,
    ...incidentRef,
    ref: ZKey.optional(),
    text: z.string().trim().min(1).max(500),
  }),
  /** a hypothesis ruled out or confirmed */
  z.strictObject({
    type: z.literal('decide'),
    ...at,
    ...by,
    ...incidentRef,
    finding: ZKey,
    state: z.enum(['ruled_out', 'confirmed', 'open']),
  }),
  /** a lead takes a server out of the pool, optionally recording it on an incident */
  z.strictObject({
    type: z.literal('drain'),
    ...at,
    ...by,
    server: z.string().min(1).max(200),
    reason: z.string().trim().min(1).max(500).optional(),
    incident: ZKey.optional(),
  }),
  /**
   * A lead sets an alert rule; the incident it opens when the data crosses is `ref`.
   * forSeconds is scenario time; the replay divides it by its speed, since the
   * server counts on the points' times and those are compressed.
   */
  z.strictObject({
    type: z.literal('rule'),
    ...at,
    ...by,
    ref: ZKey,
    name: z.string().trim().min(1).max(100),
    series: z.string().min(1).max(200),
    labels: z.record(z.string(), z.string()).optional(),
    when: z.enum(['above', 'below']),
    threshold: z.number(),
    forSeconds: z.number().int().min(0).max(86_400).default(0),
    severity: ZSeverity.default('SEV3'),
    title: z.string().trim().max(200).optional(),
  }),
  /**
   * A lead tells customers on the room's public status page (turned on, with
   * these components, the first time). Only the words written here are public.
   */
  z.strictObject({
    type: z.literal('publish'),
    ...at,
    by: ZKey.optional(),
    /** the name a later public-update uses */
    ref: ZKey,
    /** the internal incident it is about (linked by id, nothing copied) */
    incident: ZKey.optional(),
    title: z.string().trim().min(1).max(200),
    impact: z.enum(['none', 'minor', 'major', 'critical']),
    components: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
    message: z.string().trim().min(1).max(5000),
  }),
  /** a public update to a published incident */
  z.strictObject({
    type: z.literal('public-update'),
    ...at,
    by: ZKey.optional(),
    ref: ZKey,
    status: ZStatus,
    message: z.string().trim().min(1).max(5000),
  }),
  /** Prometheus Alertmanager posts an alert (webhook v4, with the ingest key); a firing one opens incident `ref` */
  z.strictObject({
    type: z.literal('alert'),
    ...at,
    ref: ZKey,
    status: z.enum(['firing', 'resolved']),
    alertname: z.string().trim().min(1).max(100),
    instance: z.string().trim().max(200).optional(),
    /** the alert's severity label: critical, error, warning, info */
    severity: z.string().max(20).default('warning'),
    summary: z.string().max(500).optional(),
  }),
]);
export type TScenarioEvent = z.infer<typeof ZScenarioEvent>;
