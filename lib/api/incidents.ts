import { z } from 'zod';
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
} from './incident-requests';
import { ZFindingState, ZIsoTime, ZPersonRef, ZSeverity, ZSignalKind, ZStatus } from './common';
import { endpoint } from './contract';
import { ZIncidentEntryDto, ZSignalState } from './incident-timeline';

const ZFindingDto = z.object({
  id: z.string(),
  text: z.string(),
  state: ZFindingState,
  createdBy: ZPersonRef.nullable(),
  createdAt: ZIsoTime,
  decidedBy: ZPersonRef.nullable(),
  decidedAt: ZIsoTime.nullable(),
});

/** What opened an incident when no person did, and how that signal has behaved since. */
const ZIncidentSource = z.object({
  kind: ZSignalKind,
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
  severity: ZSeverity,
  status: ZStatus,
  owner: ZPersonRef.nullable(),
  claimedAt: ZIsoTime.nullable(),
  ownerActiveAt: ZIsoTime.nullable(),
  /** since when nobody owns it: its last release, else its opening; null while owned ("unclaimed 6 min" counts from here) */
  unownedSince: ZIsoTime.nullable(),
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

const ZIncidentDetail = ZIncidentDto.extend({ timeline: z.array(ZIncidentEntryDto) });

// Response types (screens import them with `import type`: no zod in their bundle).
export type TFindingDto = z.infer<typeof ZFindingDto>;
export type TIncidentSource = z.infer<typeof ZIncidentSource>;
export type TIncidentDto = z.infer<typeof ZIncidentDto>;
export type TIncidentDetail = z.infer<typeof ZIncidentDetail>;
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
