import { z } from 'zod';
import { METRIC_NAME_RE, ZRoomSlug } from '../api/common';
import { formatDuration, ZDuration, ZKey, ZQuantity, ZScenarioEvent } from './scenario-events';

/**
 * A rehearsal scenario for `npm run demo`: a launch night (or any game day)
 * as data. Times are durations relative to go-live ("-30m", "2h10m");
 * docs/scenarios.md documents every field.
 */

const ZKeyframe = z.strictObject({ at: ZDuration, value: ZQuantity });

/** How a series' base value moves over the night, before noise and overrides. */
const ZCurve = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('keyframes'),
    /** smooth: monotone cubic (never overshoots a keyframe); linear; step: hold until the next keyframe */
    interpolate: z.enum(['smooth', 'linear', 'step']).default('smooth'),
    points: z.array(ZKeyframe).min(1, 'at least one keyframe'),
  }),
  z.strictObject({
    kind: z.literal('follow'),
    /** another series (without servers) whose shape this one follows, e.g. cpu follows users_online */
    series: z.string().regex(METRIC_NAME_RE, 'must be a series name'),
    /** value when the followed series is at zero */
    min: ZQuantity,
    /** value when the followed series is at its peak */
    max: ZQuantity,
  }),
]);
export type TCurve = z.infer<typeof ZCurve>;

/** A window where one series (or one server's copy of it) behaves differently: a fault, a drained node. */
const ZOverride = z
  .strictObject({
    from: ZDuration,
    /** the window is [from, to); without `to` it lasts to the end */
    to: ZDuration.optional(),
    /** only this server's copy of the series (see `servers`) */
    server: z.string().min(1).optional(),
    /** replace the base value */
    set: ZQuantity.optional(),
    /** multiply the base value */
    scale: ZQuantity.optional(),
    /** send no points at all: the node is out of the pool */
    silent: z.literal(true).optional(),
  })
  .refine((o) => [o.set, o.scale, o.silent].filter((x) => x !== undefined).length === 1, 'give exactly one of set, scale or silent')
  .refine((o) => o.to === undefined || o.to > o.from, { message: 'must be after from', path: ['to'] });

const ZScenarioSeries = z.strictObject({
  name: z.string().max(200).regex(METRIC_NAME_RE, 'must be a Prometheus-style name, e.g. users_total'),
  labels: z
    .record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'label names are letters, digits and underscores'), z.string().max(200))
    .optional(),
  /** one copy of the series per server, labelled server="…" */
  servers: z.array(z.string().min(1).max(200)).min(1).optional(),
  curve: ZCurve,
  /** relative jitter: 0.01 is about ±1 % */
  noise: z.number().min(0).max(1).default(0),
  /** a count that never falls (registered users) */
  monotonic: z.boolean().default(false),
  /** whole numbers */
  round: z.boolean().default(false),
  min: z.number().optional(),
  max: z.number().optional(),
  overrides: z.array(ZOverride).default([]),
});
export type TScenarioSeries = z.infer<typeof ZScenarioSeries>;

/** The curve a series was expected to follow (keyframes relative to go-live), PUT as the room's plan before the replay. */
const ZScenarioPlan = z.strictObject({
  series: z.string().max(200).regex(METRIC_NAME_RE, 'must be a Prometheus-style name, e.g. users_total'),
  points: z.array(ZKeyframe).min(1, 'at least one keyframe').max(10_000, 'at most 10000 keyframes'),
});

const ZScenarioSafetyLine = z
  .strictObject({
    metricName: z.string().max(200).regex(METRIC_NAME_RE, 'must be a Prometheus-style name, e.g. cpu_ratio'),
    warning: z.number(),
    critical: z.number(),
    /** bad when higher (above) or lower (below) */
    direction: z.enum(['above', 'below']).default('above'),
  })
  .refine((l) => (l.direction === 'above' ? l.critical >= l.warning : l.critical <= l.warning), {
    message: 'must be past warning in the bad direction',
    path: ['critical'],
  });

const ZPerson = z.strictObject({
  key: ZKey,
  name: z.string().trim().min(1).max(100),
  role: z.enum(['engineer', 'lead', 'admin']),
  /** default: <key>@demo.warroom */
  email: z.email('must be an email address').optional(),
});
export type TPerson = z.infer<typeof ZPerson>;

export const ZScenario = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(5000).optional(),
    /** room slug; default: the demo's own room `demo` (created when missing) */
    room: ZRoomSlug.optional(),
    /** wall-clock label of go-live for the demo's log lines, e.g. "20:19" */
    goLiveClock: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
      .optional(),
    /** first point, relative to go-live (≤ 0: a countdown before it) */
    start: ZDuration,
    /** last point, relative to go-live */
    end: ZDuration,
    /** scenario time between two points of each series */
    step: ZDuration,
    /** how much faster than real time it plays; --speed overrides */
    speed: z.number().min(1).max(1_000_000).default(60),
    /** default seed of the noise; --seed overrides */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
    people: z.array(ZPerson).default([]),
    /** server-health thresholds the wall draws against; set by the first lead before the replay */
    safetyLines: z.array(ZScenarioSafetyLine).default([]),
    /** planned curves, drawn dashed beside the real ones; set by the first lead before the replay */
    plan: z.array(ZScenarioPlan).default([]),
    series: z.array(ZScenarioSeries).min(1, 'at least one series'),
    events: z.array(ZScenarioEvent).default([]),
  })
  .superRefine((s, c) => checkReferences(s, c));
export type TScenario = z.infer<typeof ZScenario>;

/** The most points one scenario may produce: keeps a typo in `step` from exhausting memory. */
const MAX_SCENARIO_POINTS = 2_000_000;

/** Checks what one field cannot: time order, people and incidents named by events, followed series. */
function checkReferences(s: Omit<TScenario, never>, c: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => c.addIssue({ code: 'custom', path, message });
  if (s.end <= s.start) issue(['end'], 'must be after start');
  if (s.step <= 0) issue(['step'], 'must be positive');
  else {
    const copies = s.series.reduce((n, x) => n + (x.servers?.length ?? 1), 0);
    const points = (Math.floor((s.end - s.start) / s.step) + 1) * copies;
    if (points > MAX_SCENARIO_POINTS) issue(['step'], `gives ${points} points; at most ${MAX_SCENARIO_POINTS}: use a longer step`);
  }
  const inRange = (secs: number) => secs >= s.start && secs <= s.end;

  const people = new Set<string>();
  s.people.forEach((p, i) => {
    if (people.has(p.key)) issue(['people', i, 'key'], `"${p.key}" is listed twice`);
    people.add(p.key);
  });

  const plain = new Set(s.series.filter((x) => !x.servers && x.curve.kind === 'keyframes').map((x) => x.name));
  s.series.forEach((x, i) => {
    if (x.curve.kind === 'follow' && !plain.has(x.curve.series)) {
      issue(['series', i, 'curve', 'series'], `no series "${x.curve.series}" with keyframes and without servers to follow`);
    }
    if (x.min !== undefined && x.max !== undefined && x.max < x.min) issue(['series', i, 'max'], 'must not be below min');
    x.overrides.forEach((o, j) => {
      if (o.server !== undefined && !x.servers?.includes(o.server)) {
        issue(['series', i, 'overrides', j, 'server'], `"${o.server}" is not one of this series' servers`);
      }
    });
  });

  const leads = new Set(s.people.filter((p) => p.role !== 'engineer').map((p) => p.key));
  if (s.safetyLines.length > 0 && leads.size === 0) issue(['safetyLines'], 'safety lines are set by a lead: add one to people');
  if (s.plan.length > 0 && leads.size === 0) issue(['plan'], 'a plan is set by a lead: add one to people');
  s.plan.forEach((p, i) => {
    const seen = new Set<number>();
    p.points.forEach((k, j) => {
      if (seen.has(k.at)) issue(['plan', i, 'points', j, 'at'], `${formatDuration(k.at)} is listed twice`);
      seen.add(k.at);
    });
  });
  const incidents = new Map<string, number>();
  const findings = new Map<string, { incident: string; at: number }>();
  s.events.forEach((e, i) => {
    if (!inRange(e.at)) issue(['events', i, 'at'], 'must lie between start and end');
    if ('by' in e && e.by !== undefined && !people.has(e.by)) issue(['events', i, 'by'], `no person with key "${e.by}" in people`);
    if (e.type === 'annotate' && e.by === undefined && leads.size === 0)
      issue(['events', i, 'by'], 'annotations are marked by a lead: add one to people or name one here');
    if (e.type === 'annotate' && e.by !== undefined && people.has(e.by) && !leads.has(e.by))
      issue(['events', i, 'by'], `"${e.by}" is not a lead; annotations are marked by a lead`);
    if (e.type === 'escalate' && !leads.has(e.to)) issue(['events', i, 'to'], `no lead with key "${e.to}" in people`);
    if (e.type === 'drain' && people.has(e.by) && !leads.has(e.by))
      issue(['events', i, 'by'], `"${e.by}" is not a lead; servers are drained by a lead`);
    if (e.type === 'incident' || e.type === 'rule') {
      if (incidents.has(e.ref)) issue(['events', i, 'ref'], `incident "${e.ref}" is opened twice`);
      incidents.set(e.ref, e.at);
    }
    if (e.type === 'rule' && people.has(e.by) && !leads.has(e.by))
      issue(['events', i, 'by'], `"${e.by}" is not a lead; rules are set by a lead`);
    if (e.type === 'alert' && e.status === 'firing' && !incidents.has(e.ref)) incidents.set(e.ref, e.at);
    if (e.type === 'finding' && e.ref !== undefined) {
      if (findings.has(e.ref)) issue(['events', i, 'ref'], `finding "${e.ref}" is posted twice`);
      findings.set(e.ref, { incident: e.incident, at: e.at });
    }
  });
  s.events.forEach((e, i) => {
    if (!('incident' in e) || e.incident === undefined) return;
    const opened = incidents.get(e.incident);
    if (opened === undefined) issue(['events', i, 'incident'], `no incident event with ref "${e.incident}"`);
    else if (e.at < opened) issue(['events', i, 'at'], `is before incident "${e.incident}" is opened`);
    if (e.type === 'decide') {
      const f = findings.get(e.finding);
      if (!f || f.incident !== e.incident)
        issue(['events', i, 'finding'], `no finding with ref "${e.finding}" on incident "${e.incident}"`);
      else if (e.at < f.at) issue(['events', i, 'at'], `is before finding "${e.finding}" is posted`);
    }
  });
}
