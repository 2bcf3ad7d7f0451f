import { z } from 'zod';
import { METRIC_NAME_RE, ZFindingState, ZRoomSlug, ZSeverity, ZStatus } from './common';

// Incident requests (HTTP bodies and queries, socket commands). Response
// shapes are in ./incidents.ts and ./incident-timeline.ts; the zod-free
// vocabulary and shared rules in lib/incidents.ts.

const MAX_TITLE = 200;
const MAX_BODY = 10_000;
/** Upper bound of any incident request body in bytes. */
export const MAX_INCIDENT_BODY_BYTES = 64 * 1024;

const text = (max: number) => z.string({ message: 'required' }).trim().min(1, 'required').max(max, `at most ${max} characters`);
/** Versions and sequence numbers are 32-bit integer columns; a larger number would overflow PostgreSQL's int. */
const MAX_INT32 = 2_147_483_647;
/** The version the caller saw; a stale one is refused with the current incident. */
const ZVersion = z.number({ message: 'required: the version you saw' }).int().positive().max(MAX_INT32);
const ZId = z.string().min(1, 'required').max(64);

export const ZCreateIncident = z.strictObject({
  title: text(MAX_TITLE),
  severity: ZSeverity,
  summary: z.string().trim().max(MAX_BODY).optional(),
  room: ZRoomSlug.optional(),
});
export type TCreateIncident = z.infer<typeof ZCreateIncident>;

export const ZListIncidentsQuery = z.object({
  status: z.enum(['open', 'resolved', 'all'], { message: 'must be open, resolved or all' }).default('open'),
  room: ZRoomSlug.optional(),
});
export type TListIncidentsQuery = z.infer<typeof ZListIncidentsQuery>;

/** Room for lookups by incident number (the path's :id may be a number or an id). */
export const ZRoomQuery = z.object({ room: ZRoomSlug.optional() });

export const ZPostUpdate = z.strictObject({
  body: text(MAX_BODY),
  status: ZStatus.optional(),
  /** optional with a status: when given, a stale one is refused */
  version: ZVersion.optional(),
});
export type TPostUpdate = z.infer<typeof ZPostUpdate>;

export const ZChangeStatus = z.strictObject({ status: ZStatus, version: ZVersion, body: z.string().trim().max(MAX_BODY).optional() });
export const ZChangeSeverity = z.strictObject({ severity: ZSeverity, version: ZVersion });
export const ZHandover = z.strictObject({ toUserId: ZId, note: z.string().trim().max(MAX_BODY).optional() });
export const ZHelper = z.strictObject({ userId: ZId, remove: z.boolean().optional() });
export const ZEscalate = z.strictObject({ leadId: ZId, note: z.string().trim().max(MAX_BODY).optional() });
export const ZImpact = z.strictObject({
  text: text(500),
  value: z.number().refine(Number.isFinite, 'must be a finite number').nullish(),
  unit: z.string().trim().max(20, 'at most 20 characters').nullish(),
});
export const ZSeriesLink = z.strictObject({
  seriesName: z.string().max(200).regex(METRIC_NAME_RE, 'must be a Prometheus-style name, e.g. users_total'),
  labels: z.record(z.string().max(100), z.string().max(200)).optional(),
  remove: z.boolean().optional(),
});
export const ZNewFinding = z.strictObject({ text: text(500) });
export const ZDecideFinding = z.strictObject({ state: ZFindingState });
export const ZEditEntry = z.strictObject({ body: text(MAX_BODY) });
export const ZComment = z.strictObject({ body: text(MAX_BODY) });
export const ZEmpty = z.strictObject({});

export type TChangeSeverity = z.infer<typeof ZChangeSeverity>;
export type THandover = z.infer<typeof ZHandover>;
export type THelper = z.infer<typeof ZHelper>;
export type TEscalate = z.infer<typeof ZEscalate>;
export type TImpact = z.infer<typeof ZImpact>;
export type TSeriesLink = z.infer<typeof ZSeriesLink>;
export type TNewFinding = z.infer<typeof ZNewFinding>;
export type TDecideFinding = z.infer<typeof ZDecideFinding>;

/** Socket: subscribe to a room's incidents and get what was missed after a sequence number. */
export const ZIncidentsSubscribe = z.strictObject({
  room: ZRoomSlug.optional(),
  afterSeq: z.number().int().min(0).max(MAX_INT32).optional(),
});
