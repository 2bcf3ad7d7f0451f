/**
 * Incident vocabulary, response shapes and the rules every screen shares.
 * No zod here on purpose: the phone page imports this and stays lean; the
 * request schemas are in lib/schemas/incidents.ts.
 */
import type { z } from 'zod';
import type { TPersonRef } from './api/common';
import type { ZIncidentEntryDto } from './api/incident-timeline';
import type { ZFindingDto, ZIncidentDetail, ZIncidentDto, ZIncidentSource } from './api/incidents';

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

// ---- response shapes: inferred from the zod schemas in lib/api/incidents.ts ----
// (type-only imports: the phone page gets the types, not the validator)

export type { TPersonRef };
export type TFindingDto = z.infer<typeof ZFindingDto>;
export type TIncidentDto = z.infer<typeof ZIncidentDto>;
export type TIncidentEntryDto = z.infer<typeof ZIncidentEntryDto>;
export type TIncidentDetail = z.infer<typeof ZIncidentDetail>;

export const SIGNAL_KINDS = ['probe', 'rule', 'alertmanager', 'webhook', 'capacity'] as const;
export type TSignalKind = (typeof SIGNAL_KINDS)[number];
/** What opened an incident when no person did, and how that signal has behaved since. */
export type TIncidentSource = z.infer<typeof ZIncidentSource>;

// ---- shared rules (server and client compute them the same way) ----

const SEVERITY_RANK: Record<TSeverity, number> = { SEV1: 0, SEV2: 1, SEV3: 2, SEV4: 3 };

/** A claimed, unresolved incident whose owner has posted nothing for the room's idle time. */
export function isIdleClaim(
  i: Pick<TIncidentDto, 'owner' | 'status' | 'ownerActiveAt' | 'claimedAt' | 'idleClaimMinutes'>,
  nowMs: number,
): boolean {
  if (!i.owner || i.status === 'resolved') return false;
  const since = i.ownerActiveAt ?? i.claimedAt;
  if (!since) return false;
  return nowMs - Date.parse(since) >= i.idleClaimMinutes * 60_000;
}

/** Most severe first, then oldest first: what needs attention longest rises to the top. */
export function compareBySeverityThenAge(
  a: Pick<TIncidentDto, 'severity' | 'createdAt'>,
  b: Pick<TIncidentDto, 'severity' | 'createdAt'>,
): number {
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
