/**
 * Incident vocabulary, response shapes and the rules every screen shares.
 * No zod here on purpose: the phone page imports this and stays lean; the
 * request schemas are in lib/schemas/incidents.ts.
 */
export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type TSeverity = (typeof SEVERITIES)[number];
export type TStatus = (typeof STATUSES)[number];

export const ENTRY_KINDS = [
  'created', 'post', 'comment', 'status', 'severity', 'claim', 'release', 'handover', 'escalation',
  'helper', 'finding', 'impact', 'link', 'ack', 'auto', 'edit',
] as const;
export type TEntryKind = (typeof ENTRY_KINDS)[number];

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

export const SIGNAL_KINDS = ['probe', 'rule', 'alertmanager', 'webhook'] as const;
export type TSignalKind = (typeof SIGNAL_KINDS)[number];

/** What opened an incident when no person did, and how that signal has behaved since. */
export interface TIncidentSource {
  kind: TSignalKind;
  /** the deduplication key (probe id, rule id + label set, groupKey, dedupKey) */
  key: string;
  name: string;
  /** where to look: the probed URL, Alertmanager's generator link, the webhook's url */
  url: string | null;
  /** firing or recovered, while this incident is the signal's current one; null after */
  state: 'firing' | 'recovered' | null;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  /** how many times the signal fired within this incident */
  fireCount: number | null;
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
  /** null when a person opened it */
  source: TIncidentSource | null;
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
