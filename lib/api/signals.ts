import { z } from 'zod';
import { METRIC_NAME_RE, ZAlertStatus, ZDirection, ZRoomSlug, ZSeverity } from './common';

/** Upper bound of an alert webhook body: 500 Alertmanager alerts with labels fit well inside. */
export const MAX_ALERT_BODY_BYTES = 4 * 1024 * 1024;

const text = (max: number) => z.string({ message: 'required' }).trim().min(1, 'required').max(max, `at most ${max} characters`);
const ZProbeMethod = z.enum(['GET', 'HEAD', 'POST'], { message: 'must be GET, HEAD or POST' });
const ZUrl = z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).max(2000, 'at most 2000 characters');
const ZStringMap = z.record(z.string(), z.string());

// ---- generic webhook ----

export const ZGenericAlert = z
  .strictObject({
    status: ZAlertStatus,
    /** required when firing; a resolve names its alert by dedupKey alone */
    title: text(200).optional(),
    dedupKey: text(200),
    severity: ZSeverity.optional(),
    description: z.string().trim().max(10_000, 'at most 10000 characters').optional(),
    url: ZUrl.optional(),
    room: ZRoomSlug.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'firing' && v.title === undefined) ctx.addIssue({ code: 'custom', path: ['title'], message: 'required when firing' });
  });
export type TGenericAlert = z.infer<typeof ZGenericAlert>;

const ZSignalAction = z.enum(['opened', 'updated', 'recovered', 'ignored']);
export type TSignalAction = z.infer<typeof ZSignalAction>;

const ZAlertIncidents = z.array(z.object({ id: z.string(), number: z.number().int(), action: ZSignalAction }));

/** The generic webhook's answer; `incidents` is the Alertmanager route's shape, so one reader serves both. */
export const ZGenericAlertAnswer = z.object({
  incident: z.object({ id: z.string(), number: z.number().int() }).nullable(),
  action: ZSignalAction,
  incidents: ZAlertIncidents,
});

// ---- Alertmanager webhook, version 4 (prometheus/alertmanager notify/webhook) ----

const ZAlertmanagerAlert = z.object({
  status: ZAlertStatus,
  labels: ZStringMap,
  annotations: ZStringMap.optional().default({}),
  startsAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an RFC 3339 time'),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().min(1, 'required').max(200),
});

export const ZAlertmanagerPayload = z.object({
  version: z.literal('4', { message: 'must be "4": only Alertmanager webhook version 4 is understood' }),
  groupKey: z.string({ message: 'required' }).min(1, 'required').max(2000),
  truncatedAlerts: z.number().int().nonnegative().optional().default(0),
  status: ZAlertStatus,
  receiver: z.string().optional().default(''),
  groupLabels: ZStringMap.optional().default({}),
  commonLabels: ZStringMap.optional().default({}),
  commonAnnotations: ZStringMap.optional().default({}),
  externalURL: z.string().optional().default(''),
  alerts: z.array(ZAlertmanagerAlert).max(10_000, 'at most 10000 alerts'),
});
export type TAlertmanagerPayload = z.infer<typeof ZAlertmanagerPayload>;

export const ZAlertmanagerAnswer = z.object({ incidents: ZAlertIncidents });

export const ZAlertsQuery = z.object({ room: ZRoomSlug.optional() });

// ---- probes ----

export const ZProbeParams = z.object({ room: ZRoomSlug, id: z.string().min(1).max(64) });
export const ZRoomOnlyParams = z.object({ room: ZRoomSlug });

const probeFields = {
  name: text(100),
  url: ZUrl,
  method: ZProbeMethod,
  expectStatus: z
    .array(z.number().int().min(100, 'a status from 100 to 599').max(599, 'a status from 100 to 599'))
    .min(1, 'at least one status')
    .max(20),
  expectText: z.string().max(1000, 'at most 1000 characters').nullable(),
  intervalSeconds: z.number().int('whole seconds').min(5, 'at least 5 seconds').max(3600, 'at most 3600 seconds'),
  timeoutMs: z.number().int().min(100, 'at least 100 ms').max(60_000, 'at most 60000 ms'),
  downAfter: z.number().int().min(1, 'at least 1').max(100, 'at most 100'),
  upAfter: z.number().int().min(1, 'at least 1').max(100, 'at most 100'),
  severity: ZSeverity,
  paused: z.boolean(),
};

export const ZProbeInput = z.strictObject({
  ...probeFields,
  method: probeFields.method.default('GET'),
  expectStatus: probeFields.expectStatus.default([200]),
  expectText: probeFields.expectText.optional(),
  intervalSeconds: probeFields.intervalSeconds.default(30),
  timeoutMs: probeFields.timeoutMs.default(5000),
  downAfter: probeFields.downAfter.default(3),
  upAfter: probeFields.upAfter.default(2),
  severity: probeFields.severity.default('SEV2'),
  paused: probeFields.paused.default(false),
});
export type TProbeInput = z.infer<typeof ZProbeInput>;
export const ZProbePatch = z.strictObject(probeFields).partial();
export type TProbePatch = z.infer<typeof ZProbePatch>;

const ZProbeResult = z.object({
  at: z.string(),
  ok: z.boolean(),
  latencyMs: z.number(),
  status: z.number().int().optional(),
  error: z.string().optional(),
});
export type TProbeResult = z.infer<typeof ZProbeResult>;

export const ZProbe = z.object({
  id: z.string(),
  roomId: z.string(),
  name: z.string(),
  url: z.string(),
  method: ZProbeMethod,
  expectStatus: z.array(z.number().int()),
  expectText: z.string().nullable(),
  intervalSeconds: z.number().int(),
  timeoutMs: z.number().int(),
  downAfter: z.number().int(),
  upAfter: z.number().int(),
  severity: ZSeverity,
  paused: z.boolean(),
  state: z.enum(['pending', 'up', 'down', 'paused']),
  /** when the current state (up, down, pending) began; "down for" counts from here */
  stateSince: z.string().nullable(),
  lastCheckedAt: z.string().nullable(),
  lastLatencyMs: z.number().nullable(),
  lastError: z.string().nullable(),
  recent: z.array(ZProbeResult),
  /** the incident this probe has open, if any */
  incident: z.object({ id: z.string(), number: z.number().int() }).nullable(),
});
export type TProbe = z.infer<typeof ZProbe>;
export const ZProbeList = z.object({ roomId: z.string(), probes: z.array(ZProbe), serverTime: z.number() });
export const ZProbeAnswer = z.object({ probe: ZProbe });

// ---- alert rules ----

const ruleFields = {
  name: text(100),
  series: z.string().max(200).regex(METRIC_NAME_RE, 'must be a Prometheus-style name, e.g. partner_dirty_ratio'),
  labels: z.record(z.string().max(100), z.string().max(200)).refine((l) => Object.keys(l).length <= 16, 'at most 16 labels'),
  when: ZDirection,
  threshold: z.number({ message: 'required: a number' }),
  forSeconds: z.number().int('whole seconds').min(0, 'at least 0').max(86_400, 'at most 86400 seconds'),
  severity: ZSeverity,
  title: z.string().trim().max(200, 'at most 200 characters').nullable(),
};
export const ZRuleInput = z.strictObject({
  ...ruleFields,
  labels: ruleFields.labels.optional(),
  forSeconds: ruleFields.forSeconds.default(60),
  severity: ruleFields.severity.default('SEV3'),
  title: ruleFields.title.optional(),
});
export type TRuleInput = z.infer<typeof ZRuleInput>;
export const ZRulePatch = z.strictObject(ruleFields).partial();
export type TRulePatch = z.infer<typeof ZRulePatch>;

const ZRule = z.object({
  id: z.string(),
  roomId: z.string(),
  name: z.string(),
  series: z.string(),
  labels: z.record(z.string(), z.string()),
  when: ZDirection,
  threshold: z.number(),
  forSeconds: z.number().int(),
  severity: ZSeverity,
  title: z.string().nullable(),
  /** label sets whose signal is firing now */
  firing: z.array(z.object({ labels: z.record(z.string(), z.string()), since: z.string() })),
});
export type TRule = z.infer<typeof ZRule>;
export const ZRuleList = z.object({ rules: z.array(ZRule) });
export const ZRuleAnswer = z.object({ rule: ZRule });
