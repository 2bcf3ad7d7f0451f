import { z } from 'zod';
import { METRIC_NAME_RE, ZIsoTime as ZIso, ZLocale, ZMilestone, ZPersonRef as ZPerson, ZPointTime, ZSeverity, ZStatus } from './common';

// The night's end: shift handovers, the night report and the planned curve
// (CONTRACT "Servers, shifts, the night"). Response types are z.infer of
// these schemas; screens import them with `import type`.

// ---- handovers ----

export const ZCreateHandover = z.strictObject({
  to: z.email({ message: 'must be the email of a lead' }).max(320).optional(),
  note: z.string().trim().max(10_000, 'at most 10000 characters').optional(),
});
export type TCreateHandover = z.infer<typeof ZCreateHandover>;

export const ZAcceptHandover = z.strictObject({ takeOwnership: z.boolean().optional() });

const ZBriefIncident = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  severity: ZSeverity,
  status: ZStatus,
  owner: ZPerson.nullable(),
  openedAt: ZIso,
  /** the latest timeline entry that says something (post, status, finding, claim …) */
  lastUpdate: z.object({ at: ZIso, kind: z.string(), by: z.string().nullable(), text: z.string().nullable() }).nullable(),
  /** the elimination log: hypotheses ruled out, in the order they were decided */
  ruledOut: z.array(z.object({ text: z.string(), decidedAt: ZIso.nullable(), decidedBy: z.string().nullable() })),
});
const ZBriefEvent = z.object({ number: z.number(), title: z.string(), severity: ZSeverity, at: ZIso });

const ZBriefFigures = z.object({
  /** first and last users_total sample since the shift began, and the difference */
  usersStart: z.number().nullable(),
  usersEnd: z.number().nullable(),
  usersGained: z.number().nullable(),
  onlinePeak: z.number().nullable(),
  onlinePeakAt: ZIso.nullable(),
});

/** A milestone with the time it was reached. */
const ZMilestoneReached = ZMilestone;

const ZBrief = z.object({
  since: ZIso,
  /** when the brief was built (the handover's creation) */
  until: ZIso,
  openIncidents: z.array(ZBriefIncident),
  openedIncidents: z.array(ZBriefEvent),
  resolvedIncidents: z.array(ZBriefEvent),
  figures: ZBriefFigures,
  milestones: z.array(ZMilestoneReached),
  serversDrained: z.array(z.unknown()),
  probesDown: z.array(z.object({ name: z.string(), url: z.string(), lastCheckedAt: z.string().nullable(), error: z.string().nullable() })),
});
export type TBrief = z.infer<typeof ZBrief>;

export const ZHandoverDto = z.object({
  id: z.string(),
  from: ZPerson,
  to: ZPerson.nullable(),
  createdAt: ZIso,
  acceptedAt: ZIso.nullable(),
  acceptedBy: ZPerson.nullable(),
  /** open incidents the incoming lead took over when accepting */
  tookOver: z.number(),
  note: z.string(),
  brief: ZBrief,
});
export type THandoverDto = z.infer<typeof ZHandoverDto>;
export const ZHandoverList = z.object({
  room: z.object({ slug: z.string(), name: z.string(), timeZone: z.string(), locale: ZLocale }),
  handovers: z.array(ZHandoverDto),
  /** the lead of the last accepted handover, since its acceptance */
  onDuty: z.object({ person: ZPerson, since: ZIso }).nullable(),
});
export type THandoverList = z.infer<typeof ZHandoverList>;
export const ZBriefPreview = z.object({ brief: ZBrief });

// ---- the plan ----

const MAX_PLAN_POINTS = 10_000;

export const ZPlanInput = z
  .strictObject({
    series: z.string({ message: 'required' }).max(200).regex(METRIC_NAME_RE, 'must be a Prometheus-style name, e.g. users_total'),
    points: z
      .array(z.strictObject({ time: ZPointTime, value: z.number({ message: 'must be a finite number' }) }), {
        message: 'required: a list of {time, value}',
      })
      .min(1, 'at least one point')
      .max(MAX_PLAN_POINTS, `at most ${MAX_PLAN_POINTS} points`),
  })
  .superRefine((p, ctx) => {
    // Unsorted is fine (it is sorted on store); the same time twice is ambiguous.
    const seen = new Map<number, number>();
    p.points.forEach((pt, i) => {
      const t = typeof pt.time === 'number' ? pt.time : Date.parse(pt.time);
      const j = seen.get(t);
      if (j !== undefined) ctx.addIssue({ code: 'custom', path: ['points', i, 'time'], message: `the same time as points.${j}.time` });
      else seen.set(t, i);
    });
  });
export type TPlanInput = z.infer<typeof ZPlanInput>;

export const ZPlanDto = z.object({ series: z.string(), points: z.array(z.tuple([z.number(), z.number()])), updatedAt: ZIso });
export type TPlanDto = z.infer<typeof ZPlanDto>;
export const ZPlanList = z.object({ plans: z.array(ZPlanDto) });
export type TPlanList = z.infer<typeof ZPlanList>;

// ---- the report ----

/** A query-string time: ISO-8601, or epoch milliseconds as digits. */
export const ZQueryTime = z.preprocess((v) => (typeof v === 'string' && /^\d{1,16}$/.test(v) ? Number(v) : v), ZPointTime);

export const MAX_REPORT_WINDOW_MS = 31 * 24 * 3600_000;

export const ZReportQuery = z.object({
  from: ZQueryTime.optional(),
  to: ZQueryTime.optional(),
  format: z.enum(['json', 'md'], { message: 'must be json or md' }).default('json'),
});

const ZStat = z.object({ median: z.number().nullable(), p90: z.number().nullable(), count: z.number() });
const ZGrowth = z.object({ value: z.number(), at: ZIso }).nullable();

const ZReportIncident = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  severity: ZSeverity,
  status: ZStatus,
  source: z.object({ kind: z.string(), key: z.string().nullable(), name: z.string().nullable() }).nullable(),
  openedAt: ZIso,
  claimedAt: ZIso.nullable(),
  claimedAfterSeconds: z.number().nullable(),
  resolvedAt: ZIso.nullable(),
  resolvedAfterSeconds: z.number().nullable(),
  owner: ZPerson.nullable(),
});
export type TReportIncident = z.infer<typeof ZReportIncident>;

const ZMoment = z.object({
  at: ZIso,
  kind: z.enum([
    'go-live',
    'annotation',
    'milestone',
    'incident-opened',
    'incident-claimed',
    'incident-resolved',
    'handover',
    'handover-accepted',
  ]),
  /** in English, as the Markdown report prints it; screens build their own words from the fields below */
  text: z.string(),
  incidentNumber: z.number().optional(),
  /** the incident's title, the milestone's or annotation's label */
  title: z.string().optional(),
  severity: z.string().optional(),
  /** who claimed, resolved, handed over or accepted */
  who: z.string().optional(),
  /** the lead a handover went to */
  to: z.string().optional(),
  /** the lead who assigned an unowned incident (its first claim is then the assignment) */
  by: z.string().optional(),
});
export type TMoment = z.infer<typeof ZMoment>;

export const ZReport = z.object({
  room: z.object({ slug: z.string(), name: z.string(), timeZone: z.string(), locale: ZLocale }),
  from: ZIso,
  to: ZIso,
  generatedAt: ZIso,
  figures: z.object({
    users: z.object({ start: z.number().nullable(), end: z.number().nullable(), peak: z.number().nullable(), peakAt: ZIso.nullable() }),
    online: z.object({ peak: z.number().nullable(), peakAt: ZIso.nullable() }),
    /** the largest rise of users_total over any minute / hour of the window (window end time in `at`) */
    fastestGrowth: z.object({ perMinute: ZGrowth, perHour: ZGrowth }),
    /** actual users_total against its plan at the window's latest point: +0.042 is 4.2 % ahead */
    plan: z.object({ series: z.string(), ratio: z.number(), planned: z.number(), actual: z.number(), at: ZIso }).nullable(),
  }),
  milestones: z.array(ZMilestoneReached),
  incidents: z.array(ZReportIncident),
  /** seconds; median of an even count is the mean of the middle two, p90 the nearest rank */
  timeToClaim: ZStat,
  timeToResolve: ZStat,
  people: z.array(z.object({ person: ZPerson, incidentsOwned: z.number(), claims: z.number(), posts: z.number() })),
  handovers: z.array(ZHandoverDto.omit({ brief: true })),
  timeline: z.array(ZMoment),
  /** the chart: headline series decimated, the plans, and for replay [time, users, online] at each minute and at the window's end */
  chart: z.object({
    users: z.array(z.tuple([z.number(), z.number()])),
    online: z.array(z.tuple([z.number(), z.number()])),
    plans: z.array(z.object({ series: z.string(), points: z.array(z.tuple([z.number(), z.number()])) })),
    minutes: z.array(z.tuple([z.number(), z.number().nullable(), z.number().nullable()])),
  }),
});
export type TReport = z.infer<typeof ZReport>;
