import { z } from 'zod';
import { METRIC_NAME_RE, ZRoomSlug } from './metrics';

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const ZSeverity = z.enum(SEVERITIES, { message: 'must be SEV1, SEV2, SEV3 or SEV4' });
export const ZStatus = z.enum(STATUSES, { message: 'must be investigating, identified, monitoring or resolved' });
export type TSeverity = z.infer<typeof ZSeverity>;
export type TStatus = z.infer<typeof ZStatus>;

export const ENTRY_KINDS = [
  'created', 'post', 'comment', 'status', 'severity', 'claim', 'release', 'handover', 'escalation',
  'helper', 'finding', 'impact', 'link', 'ack', 'auto', 'edit',
] as const;
export type TEntryKind = (typeof ENTRY_KINDS)[number];

export const MAX_TITLE = 200;
export const MAX_BODY = 10_000;
/** Upper bound of any incident request body in bytes. */
export const MAX_INCIDENT_BODY_BYTES = 64 * 1024;

const text = (max: number) => z.string({ message: 'required' }).trim().min(1, 'required').max(max, `at most ${max} characters`);
/** The version the caller saw; a stale one is refused with the current incident. */
const ZVersion = z.number({ message: 'required: the version you saw' }).int().positive();
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
export const ZDecideFinding = z.strictObject({ state: z.enum(['ruled_out', 'confirmed', 'open'], { message: 'must be ruled_out, confirmed or open' }) });
export const ZEditEntry = z.strictObject({ body: text(MAX_BODY) });
export const ZComment = z.strictObject({ body: text(MAX_BODY) });
export const ZEmpty = z.strictObject({});

export type TChangeStatus = z.infer<typeof ZChangeStatus>;
export type TChangeSeverity = z.infer<typeof ZChangeSeverity>;
export type THandover = z.infer<typeof ZHandover>;
export type THelper = z.infer<typeof ZHelper>;
export type TEscalate = z.infer<typeof ZEscalate>;
export type TImpact = z.infer<typeof ZImpact>;
export type TSeriesLink = z.infer<typeof ZSeriesLink>;
export type TNewFinding = z.infer<typeof ZNewFinding>;
export type TDecideFinding = z.infer<typeof ZDecideFinding>;

/** Socket: subscribe to a room's incidents and get what was missed after a sequence number. */
export const ZIncidentsSubscribe = z.strictObject({ room: ZRoomSlug.optional(), afterSeq: z.number().int().min(0).optional() });

// ---- response shapes (what the API and the socket send) ----

export interface TPersonRef {
  id: string;
  name: string;
}

export interface TFindingDto {
  id: string;
  text: string;
  state: 'open' | 'ruled_out' | 'confirmed';
  createdBy: TPersonRef | null;
  createdAt: string;
  decidedBy: TPersonRef | null;
  decidedAt: string | null;
}

export interface TIncidentDto {
  id: string;
  roomId: string;
  number: number;
  title: string;
  summary: string | null;
  severity: TSeverity;
  status: TStatus;
  owner: TPersonRef | null;
  claimedAt: string | null;
  ownerActiveAt: string | null;
  /** the room's idle-claim threshold, so every screen can compute the flag against the server clock */
  idleClaimMinutes: number;
  /** idle at the time this DTO was made; screens recompute with isIdleClaim */
  idle: boolean;
  escalatedTo: TPersonRef | null;
  helpers: TPersonRef[];
  impact: { text: string; value: number | null; unit: string | null } | null;
  links: { seriesName: string; labels: Record<string, string> }[];
  findings: TFindingDto[];
  acknowledgedBy: TPersonRef[];
  version: number;
  source: string;
  createdBy: TPersonRef | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
}

export interface TIncidentEntryDto {
  id: string;
  incidentId: string;
  seq: number;
  kind: TEntryKind;
  author: TPersonRef | null;
  authorName: string | null;
  body: string | null;
  data: Record<string, unknown> | null;
  editsId: string | null;
  /** for a post that was edited: the id of the latest edit entry */
  editedBy?: string | null;
  createdAt: string;
}

export interface TIncidentDetail extends TIncidentDto {
  timeline: TIncidentEntryDto[];
}

// ---- shared rules (server and client compute them the same way) ----

const SEVERITY_RANK: Record<TSeverity, number> = { SEV1: 0, SEV2: 1, SEV3: 2, SEV4: 3 };

/** A claimed, unresolved incident whose owner has posted nothing for the room's idle time. */
export function isIdleClaim(i: Pick<TIncidentDto, 'owner' | 'status' | 'ownerActiveAt' | 'claimedAt' | 'idleClaimMinutes'>, nowMs: number): boolean {
  if (!i.owner || i.status === 'resolved') return false;
  const since = i.ownerActiveAt ?? i.claimedAt;
  if (!since) return false;
  return nowMs - Date.parse(since) >= i.idleClaimMinutes * 60_000;
}

/** Most severe first, then oldest first: what needs attention longest rises to the top. */
export function compareBySeverityThenAge(a: Pick<TIncidentDto, 'severity' | 'createdAt'>, b: Pick<TIncidentDto, 'severity' | 'createdAt'>): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || Date.parse(a.createdAt) - Date.parse(b.createdAt);
}

/** Unowned SEV1/SEV2 must stand out on every screen. */
export function needsOwner(i: Pick<TIncidentDto, 'owner' | 'severity' | 'status'>): boolean {
  return !i.owner && i.status !== 'resolved' && (i.severity === 'SEV1' || i.severity === 'SEV2');
}

/** "middleware ruled out after 5 min": minutes from the incident's start to the decision. */
export function eliminationLine(f: TFindingDto, incidentCreatedAt: string): string {
  if (f.state === 'open' || !f.decidedAt) return `${f.text}?`;
  const min = Math.max(0, Math.round((Date.parse(f.decidedAt) - Date.parse(incidentCreatedAt)) / 60_000));
  return `${f.text} ${f.state === 'ruled_out' ? 'ruled out' : 'confirmed'} after ${min} min`;
}

/** "3 min", "2 h 5 min", "1 d 3 h": compact ages for dense rows. */
export function formatAge(ms: number): string {
  const m = Math.max(0, Math.floor(ms / 60_000));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
