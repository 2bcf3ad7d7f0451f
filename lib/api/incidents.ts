import { z } from 'zod';
import { SEVERITIES, SIGNAL_KINDS, STATUSES, type TEntryKind } from '../incidents';
import {
  ZChangeSeverity,
  ZChangeStatus,
  ZComment,
  ZCreateIncident,
  ZDecideFinding,
  ZEditEntry,
  ZEmpty,
  ZEscalate,
  ZHandover,
  ZHelper,
  ZImpact,
  ZListIncidentsQuery,
  ZNewFinding,
  ZPostUpdate,
  ZRoomQuery,
  ZSeriesLink,
} from '../schemas/incidents';
import { ZIsoTime, ZPersonRef } from './common';
import { endpoint } from './contract';

const ZFindingState = z.enum(['open', 'ruled_out', 'confirmed']);
const ZSignalState = z.enum(['firing', 'recovered']);

export const ZFindingDto = z.object({
  id: z.string(),
  text: z.string(),
  state: ZFindingState,
  createdBy: ZPersonRef.nullable(),
  createdAt: ZIsoTime,
  decidedBy: ZPersonRef.nullable(),
  decidedAt: ZIsoTime.nullable(),
});

/** What opened an incident when no person did, and how that signal has behaved since. */
export const ZIncidentSource = z.object({
  kind: z.enum(SIGNAL_KINDS),
  /** the deduplication key (probe id, rule id + label set, groupKey, dedupKey) */
  key: z.string(),
  name: z.string(),
  /** where to look: the probed URL, Alertmanager's generator link, the webhook's url */
  url: z.string().nullable(),
  /** firing or recovered, while this incident is the signal's current one; null after */
  state: ZSignalState.nullable(),
  firstSeenAt: ZIsoTime.nullable(),
  lastSeenAt: ZIsoTime.nullable(),
  /** how many times the signal fired within this incident */
  fireCount: z.number().int().nullable(),
});

export const ZIncidentDto = z.object({
  id: z.string(),
  roomId: z.string(),
  number: z.number().int(),
  title: z.string(),
  summary: z.string().nullable(),
  severity: z.enum(SEVERITIES),
  status: z.enum(STATUSES),
  owner: ZPersonRef.nullable(),
  claimedAt: ZIsoTime.nullable(),
  ownerActiveAt: ZIsoTime.nullable(),
  /** the room's idle-claim threshold, so every screen can compute the flag against the server clock */
  idleClaimMinutes: z.number().int(),
  /** idle at the time this DTO was made; screens recompute with isIdleClaim */
  idle: z.boolean(),
  escalatedTo: ZPersonRef.nullable(),
  helpers: z.array(ZPersonRef),
  impact: z.object({ text: z.string(), value: z.number().nullable(), unit: z.string().nullable() }).nullable(),
  links: z.array(z.object({ seriesName: z.string(), labels: z.record(z.string(), z.string()) })),
  findings: z.array(ZFindingDto),
  acknowledgedBy: z.array(ZPersonRef),
  version: z.number().int(),
  /** null when a person opened it */
  source: ZIncidentSource.nullable(),
  createdBy: ZPersonRef.nullable(),
  createdAt: ZIsoTime,
  updatedAt: ZIsoTime,
  resolvedAt: ZIsoTime.nullable(),
});

// ---- timeline entries: what each kind's `data` carries ----
// Strict objects: an answer whose data has a field the contract does not name
// fails the tests that check answers against these schemas (the document's
// output schemas say additionalProperties: false either way).

/** a person opened it: the title and severity it was opened with */
const ZCreatedData = z.strictObject({ title: z.string(), severity: z.enum(SEVERITIES) });
/** a signal opened it: the same, and the signal's kind and deduplication key */
const ZAutoOpenedData = ZCreatedData.extend({ source: z.enum(SIGNAL_KINDS), key: z.string() });

/** What a probe's change of state notes: the probe, its URL, and the failed check's reason and HTTP status. */
const ZProbeNote = z.strictObject({
  probe: z.string(),
  url: z.string(),
  error: z.string().nullable(),
  status: z.number().int().nullable(),
});
/** What a threshold rule's firing or recovery notes: the point that crossed. */
const ZRuleNote = z.strictObject({
  rule: z.string(),
  series: z.string(),
  labels: z.record(z.string(), z.string()),
  value: z.number(),
  threshold: z.number(),
});
/** What an Alertmanager notification notes: the alerts of the group that changed. */
const ZAlertmanagerNote = z.strictObject({
  groupKey: z.string(),
  alerts: z.array(z.strictObject({ fingerprint: z.string(), status: z.enum(['firing', 'resolved']), name: z.string() })),
  truncatedAlerts: z.number().int(),
});
/** The details a signal's notes carry, by signal kind (a generic webhook's carry none). */
export const SIGNAL_NOTES = { probe: ZProbeNote, rule: ZRuleNote, alertmanager: ZAlertmanagerNote };

/** a signal fired again or recovered: which signal, its state now, and its kind's details */
const observed = { key: z.string(), state: ZSignalState };
const ZSignalObservedData = z.discriminatedUnion('signal', [
  z.strictObject({ signal: z.literal('probe'), ...observed, ...ZProbeNote.shape }),
  z.strictObject({ signal: z.literal('rule'), ...observed, ...ZRuleNote.shape }),
  z.strictObject({ signal: z.literal('alertmanager'), ...observed, ...ZAlertmanagerNote.shape }),
  z.strictObject({ signal: z.literal('webhook'), ...observed }),
]);

/** Impact figure as stored on the incident. */
const ZImpactFigure = z.strictObject({ text: z.string(), value: z.number().nullable(), unit: z.string().nullable() });

/**
 * Each entry kind's `data`, one schema per kind (null: the kind carries none;
 * its text, if any, is `body`). The server writes entries through these types
 * (appendEntry), and ZIncidentEntryDto below pairs each kind with its data.
 */
export const ENTRY_DATA = {
  created: ZCreatedData,
  /** a post's text is its body */
  post: z.null(),
  comment: z.null(),
  status: z.strictObject({ from: z.enum(STATUSES), to: z.enum(STATUSES), reopened: z.boolean() }),
  severity: z.strictObject({ from: z.enum(SEVERITIES), to: z.enum(SEVERITIES) }),
  claim: z.strictObject({ owner: ZPersonRef }),
  /** from: the owner who was released (null if that person no longer exists) */
  release: z.strictObject({ from: ZPersonRef.nullable() }),
  /** from: null when nobody owned it; takeover: a lead took it for themselves from its owner */
  handover: z.strictObject({ from: ZPersonRef.nullable(), to: ZPersonRef, takeover: z.boolean() }),
  escalation: z.strictObject({ to: ZPersonRef }),
  helper: z.strictObject({ helper: ZPersonRef, removed: z.boolean() }),
  /** from: null when the finding was added */
  finding: z.strictObject({ findingId: z.string(), text: z.string(), from: ZFindingState.nullable(), to: ZFindingState }),
  /** from: null when no impact was set before */
  impact: z.strictObject({ from: ZImpactFigure.nullable(), to: ZImpactFigure }),
  link: z.strictObject({ seriesName: z.string(), labels: z.record(z.string(), z.string()), removed: z.boolean() }),
  ack: z.null(),
  /** written by a signal: the incident it opened, a firing again or recovery, or (Alertmanager) alerts of the group that changed */
  auto: z.union([ZAutoOpenedData, ZSignalObservedData, ZAlertmanagerNote]),
  /** the new text is the body; previous: the text it replaced */
  edit: z.strictObject({ previous: z.string().nullable() }),
  server: z.strictObject({ action: z.enum(['drain', 'restore']), server: z.string(), reason: z.string().nullable() }),
} satisfies Record<TEntryKind, z.ZodType>;

const ZEntryCommon = z.object({
  id: z.string(),
  incidentId: z.string(),
  seq: z.number().int(),
  author: ZPersonRef.nullable(),
  authorName: z.string().nullable(),
  body: z.string().nullable(),
  editsId: z.string().nullable(),
  /** for a post that was edited: the id of the latest edit entry */
  editedBy: z.string().nullable().optional(),
  createdAt: ZIsoTime,
});
const entryOf = <K extends TEntryKind>(kind: K) => ZEntryCommon.extend({ kind: z.literal(kind), data: ENTRY_DATA[kind] });

/** A timeline entry: the fields every entry has, and the kind's details in `data`. */
export const ZIncidentEntryDto = z.discriminatedUnion('kind', [
  entryOf('created'),
  entryOf('post'),
  entryOf('comment'),
  entryOf('status'),
  entryOf('severity'),
  entryOf('claim'),
  entryOf('release'),
  entryOf('handover'),
  entryOf('escalation'),
  entryOf('helper'),
  entryOf('finding'),
  entryOf('impact'),
  entryOf('link'),
  entryOf('ack'),
  entryOf('auto'),
  entryOf('edit'),
  entryOf('server'),
]);

export const ZIncidentDetail = ZIncidentDto.extend({ timeline: z.array(ZIncidentEntryDto) });
const ZIncidentList = z.object({ incidents: z.array(ZIncidentDto) });

const ZIncidentParams = z.object({ id: z.string().min(1).max(64).describe('incident id, or its number in ?room=') });
const ZEntryParams = ZIncidentParams.extend({ entryId: z.string().min(1).max(64) });
const ZFindingParams = ZIncidentParams.extend({ findingId: z.string().min(1).max(64) });

const action = <const P extends string, B extends z.ZodType, R extends z.ZodType>(o: {
  path: P;
  summary: string;
  access: string;
  body: B;
  response: R;
  status?: number;
  idempotent?: boolean;
  params?: z.ZodType;
  method?: 'POST' | 'PATCH';
}) =>
  endpoint({
    method: o.method ?? 'POST',
    path: `/api/v1/incidents/{id}${o.path}` as `/api/v1/incidents/{id}${P}`,
    tag: 'incidents',
    access: o.access,
    summary: o.summary,
    params: o.params ?? ZIncidentParams,
    query: ZRoomQuery,
    body: o.body,
    response: o.response,
    status: o.status ?? 200,
    idempotent: o.idempotent,
  });

export const INCIDENTS = {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/incidents',
    tag: 'incidents',
    access: 'viewer+',
    summary: "The room's incidents, newest first.",
    query: ZListIncidentsQuery,
    response: ZIncidentList,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/v1/incidents',
    tag: 'incidents',
    access: 'engineer+',
    summary: 'Opens an incident.',
    body: ZCreateIncident,
    response: ZIncidentDto,
    status: 201,
    idempotent: true,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/v1/incidents/{id}',
    tag: 'incidents',
    access: 'viewer+, display link',
    summary: 'One incident with its timeline.',
    params: ZIncidentParams,
    query: ZRoomQuery,
    response: ZIncidentDetail,
  }),
  claim: action({
    path: '/claim',
    access: 'engineer+',
    summary: 'Claims it: the caller becomes the owner; 409 already_claimed names the owner.',
    body: ZEmpty,
    response: ZIncidentDto,
  }),
  release: action({
    path: '/release',
    access: 'engineer+ (owner or lead)',
    summary: 'Gives up ownership.',
    body: ZEmpty,
    response: ZIncidentDto,
  }),
  ack: action({ path: '/ack', access: 'viewer+', summary: 'Marks it seen (a timeline entry).', body: ZEmpty, response: ZIncidentEntryDto }),
  updates: action({
    path: '/updates',
    access: 'engineer+',
    summary: 'Posts an update, optionally moving the status in the same step.',
    body: ZPostUpdate,
    response: ZIncidentEntryDto,
    status: 201,
    idempotent: true,
  }),
  comments: action({
    path: '/comments',
    access: 'viewer+',
    summary: 'A comment (managers and viewers too).',
    body: ZComment,
    response: ZIncidentEntryDto,
    status: 201,
    idempotent: true,
  }),
  status: action({
    path: '/status',
    access: 'engineer+',
    summary: 'Changes the status; a stale version answers 409 stale_version with the current incident.',
    body: ZChangeStatus,
    response: ZIncidentDto,
  }),
  severity: action({
    path: '/severity',
    access: 'engineer+',
    summary: 'Changes the severity.',
    body: ZChangeSeverity,
    response: ZIncidentDto,
  }),
  handover: action({
    path: '/handover',
    access: 'engineer+ (owner or lead)',
    summary: 'Hands ownership to someone else.',
    body: ZHandover,
    response: ZIncidentDto,
  }),
  helpers: action({ path: '/helpers', access: 'engineer+', summary: 'Adds or removes a helper.', body: ZHelper, response: ZIncidentDto }),
  escalate: action({
    path: '/escalate',
    access: 'engineer+',
    summary: 'Pulls in a lead, who is told on their own channel.',
    body: ZEscalate,
    response: ZIncidentDto,
  }),
  impact: action({ path: '/impact', access: 'engineer+', summary: 'Sets the impact figure.', body: ZImpact, response: ZIncidentDto }),
  links: action({ path: '/links', access: 'engineer+', summary: 'Links or unlinks a series.', body: ZSeriesLink, response: ZIncidentDto }),
  addFinding: action({
    path: '/findings',
    access: 'engineer+',
    summary: 'Adds a hypothesis to the elimination log.',
    body: ZNewFinding,
    response: ZIncidentDto,
    status: 201,
    idempotent: true,
  }),
  decideFinding: action({
    path: '/findings/{findingId}',
    access: 'engineer+',
    summary: 'Marks a finding ruled_out, confirmed, or open again.',
    body: ZDecideFinding,
    response: ZIncidentDto,
    params: ZFindingParams,
  }),
  decideFindingPatch: action({
    method: 'PATCH',
    path: '/findings/{findingId}',
    access: 'engineer+',
    summary: 'Same as POST.',
    body: ZDecideFinding,
    response: ZIncidentDto,
    params: ZFindingParams,
  }),
  editEntry: action({
    method: 'PATCH',
    path: '/entries/{entryId}',
    access: 'engineer+ (the author)',
    summary: 'Edits a post: a new "edit" entry; the original text stays visible.',
    body: ZEditEntry,
    response: ZIncidentEntryDto,
    status: 201,
    idempotent: true,
    params: ZEntryParams,
  }),
};
