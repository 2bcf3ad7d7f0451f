/**
 * Incident vocabulary and the rules every screen shares. No zod and no
 * imports on purpose: the phone page imports this and stays lean, and
 * lib/api builds its enums from these lists (ZSeverity, ZStatus in
 * lib/api/common.ts), so this file sits below the contract, never beside it.
 * Response shapes: lib/api/incidents.ts; request schemas: lib/api/incident-requests.ts.
 */

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type TSeverity = (typeof SEVERITIES)[number];
export type TStatus = (typeof STATUSES)[number];

export const ENTRY_KINDS = [
  'created',
  'post',
  'comment',
  'status',
  'severity',
  'claim',
  'release',
  'handover',
  'escalation',
  'helper',
  'finding',
  'impact',
  'link',
  'ack',
  'auto',
  'edit',
  // a server drained from (or restored to) the pool, with the incident chosen as its reason
  'server',
] as const;
export type TEntryKind = (typeof ENTRY_KINDS)[number];

export const SIGNAL_KINDS = ['probe', 'rule', 'alertmanager', 'webhook'] as const;
export type TSignalKind = (typeof SIGNAL_KINDS)[number];

// ---- shared rules (server and client compute them the same way) ----

/** The fields of an incident (lib/api/incidents.ts TIncidentDto) the rules below read. */
type TIncidentFacts = {
  owner: unknown;
  status: TStatus;
  severity: TSeverity;
  createdAt: string;
  ownerActiveAt: string | null;
  claimedAt: string | null;
  idleClaimMinutes: number;
};

const SEVERITY_RANK: Record<TSeverity, number> = { SEV1: 0, SEV2: 1, SEV3: 2, SEV4: 3 };

/** A claimed, unresolved incident whose owner has posted nothing for the room's idle time. */
export function isIdleClaim(
  i: Pick<TIncidentFacts, 'owner' | 'status' | 'ownerActiveAt' | 'claimedAt' | 'idleClaimMinutes'>,
  nowMs: number,
): boolean {
  if (!i.owner || i.status === 'resolved') return false;
  const since = i.ownerActiveAt ?? i.claimedAt;
  if (!since) return false;
  return nowMs - Date.parse(since) >= i.idleClaimMinutes * 60_000;
}

/** Most severe first, then oldest first: what needs attention longest rises to the top. */
export function compareBySeverityThenAge(
  a: Pick<TIncidentFacts, 'severity' | 'createdAt'>,
  b: Pick<TIncidentFacts, 'severity' | 'createdAt'>,
): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || Date.parse(a.createdAt) - Date.parse(b.createdAt);
}

/** Unowned SEV1/SEV2 must stand out on every screen. */
export function needsOwner(i: Pick<TIncidentFacts, 'owner' | 'severity' | 'status'>): boolean {
  return !i.owner && i.status !== 'resolved' && (i.severity === 'SEV1' || i.severity === 'SEV2');
}

/** "middleware ruled out after 5 min": minutes from the incident's start to the decision. */
export function eliminationLine(
  f: { text: string; state: 'open' | 'ruled_out' | 'confirmed'; decidedAt: string | null },
  incidentCreatedAt: string,
): string {
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
