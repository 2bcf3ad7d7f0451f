import type { Db } from '../../db/client';
import type { Prisma } from '../../../generated/prisma-sqlite/client.ts';
import { isIdleClaim, SIGNAL_KINDS, type TSignalKind, type TEntryKind, type TSeverity, type TStatus } from '../../../lib/incidents';
import type { TIncidentSource, TFindingDto, TIncidentDto } from '../../../lib/api/incidents';
import type { TIncidentEntryDto } from '../../../lib/api/incident-timeline';
import type { TPersonRef } from '../../../lib/api/common';
import { parseLabelsKey } from '../../../lib/series';
import type { TTx } from '../../db/client';

type TReader = Db | TTx;

type TSignalRow = Awaited<ReturnType<Db['signal']['findMany']>>[number];

/** The signals behind automatic incidents, by (kind, key), in one query. */
async function signalsOf(
  db: TReader,
  rows: { roomId: string; source: string; sourceKey: string | null }[],
): Promise<Map<string, TSignalRow>> {
  const auto = rows.filter((r) => r.source !== 'manual' && r.sourceKey);
  if (auto.length === 0) return new Map();
  const found = await db.signal.findMany({
    where: { OR: auto.map((r) => ({ roomId: r.roomId, kind: r.source, dedupKey: r.sourceKey! })) },
  });
  return new Map(found.map((s) => [`${s.roomId}\u0000${s.kind}\u0000${s.dedupKey}`, s]));
}

function sourceOf(
  r: { id: string; roomId: string; title: string; source: string; sourceKey: string | null },
  signals: Map<string, TSignalRow>,
): TIncidentSource | null {
  if (!(SIGNAL_KINDS as readonly string[]).includes(r.source)) return null;
  const s = signals.get(`${r.roomId}\u0000${r.source}\u0000${r.sourceKey ?? ''}`);
  // Counts belong to the signal's current incident; an earlier one keeps only its name.
  const mine = s?.incidentId === r.id;
  return {
    kind: r.source as TSignalKind,
    key: r.sourceKey ?? '',
    name: s?.name ?? r.title,
    url: s?.url ?? null,
    state: mine ? (s!.state as 'firing' | 'recovered') : null,
    firstSeenAt: mine ? s!.firstSeenAt.toISOString() : null,
    lastSeenAt: mine ? s!.lastSeenAt.toISOString() : null,
    fireCount: mine ? s!.fireCount : null,
  };
}

const INCLUDE = {
  helpers: { orderBy: { addedAt: 'asc' } },
  findings: { orderBy: { createdAt: 'asc' } },
  links: true,
  room: { select: { idleClaimMinutes: true } },
} as const;

async function peopleById(db: TReader, ids: (string | null | undefined)[]): Promise<Map<string, TPersonRef>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (unique.length === 0) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((u) => [u.id, { id: u.id, name: u.name }]));
}

/** The public shapes of many incidents, with names resolved in two queries rather than one per row. */
export async function loadIncidentDtos(
  db: TReader,
  where: Prisma.IncidentWhereInput,
  now = Date.now(),
  take?: number,
): Promise<TIncidentDto[]> {
  const rows = await db.incident.findMany({ where, include: INCLUDE, orderBy: [{ createdAt: 'desc' }, { number: 'desc' }], take });
  if (rows.length === 0) return [];
  const acks = await db.incidentEntry.findMany({
    where: { incidentId: { in: rows.map((r) => r.id) }, kind: 'ack' },
    select: { incidentId: true, authorId: true, authorName: true },
    orderBy: { seq: 'asc' },
  });
  const signals = await signalsOf(db, rows);
  const people = await peopleById(db, [
    ...rows.flatMap((r) => [
      r.ownerId,
      r.escalatedToId,
      r.createdById,
      ...r.helpers.map((h) => h.userId),
      ...r.findings.flatMap((f) => [f.createdById, f.decidedById]),
    ]),
  ]);
  const ref = (id: string | null) => (id ? (people.get(id) ?? { id, name: '(unknown)' }) : null);
  return rows.map((r) => {
    const ackers = new Map<string, TPersonRef>();
    for (const a of acks) if (a.incidentId === r.id && a.authorId) ackers.set(a.authorId, { id: a.authorId, name: a.authorName ?? '' });
    const findings: TFindingDto[] = r.findings.map((f) => ({
      id: f.id,
      text: f.text,
      state: f.state as TFindingDto['state'],
      createdBy: ref(f.createdById),
      createdAt: f.createdAt.toISOString(),
      decidedBy: ref(f.decidedById),
      decidedAt: f.decidedAt?.toISOString() ?? null,
    }));
    const dto: TIncidentDto = {
      id: r.id,
      roomId: r.roomId,
      number: r.number,
      title: r.title,
      summary: r.summary,
      severity: r.severity as TSeverity,
      status: r.status as TStatus,
      owner: ref(r.ownerId),
      claimedAt: r.claimedAt?.toISOString() ?? null,
      ownerActiveAt: r.ownerActiveAt?.toISOString() ?? null,
      unownedSince: r.ownerId ? null : (r.releasedAt ?? r.createdAt).toISOString(),
      idleClaimMinutes: r.room.idleClaimMinutes,
      idle: false,
      escalatedTo: ref(r.escalatedToId),
      helpers: r.helpers.map((h) => ref(h.userId)!),
      impact: r.impactText ? { text: r.impactText, value: r.impactValue, unit: r.impactUnit } : null,
      links: r.links.map((l) => ({ seriesName: l.seriesName, labels: parseLabelsKey(l.labelsKey) })),
      findings,
      acknowledgedBy: [...ackers.values()],
      version: r.version,
      source: sourceOf(r, signals),
      createdBy: ref(r.createdById),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
    };
    dto.idle = isIdleClaim(dto, now);
    return dto;
  });
}

export async function loadIncidentDto(db: TReader, id: string): Promise<TIncidentDto> {
  const [dto] = await loadIncidentDtos(db, { id });
  if (!dto) throw new Error(`incident ${id} vanished`);
  return dto;
}

type TEntryRow = Awaited<ReturnType<Db['incidentEntry']['findMany']>>[number];

/** Each kind's data, as the contract's entries pair them. */
type TEntryData = { [E in TIncidentEntryDto as E['kind']]: E['data'] };

/**
 * The data of a stored entry if it is of `kind` (else null), for readers of
 * entry rows that are not sent as DTOs (the night report). It trusts the JSON
 * for the reason toEntryDtos does.
 */
export function storedEntryData<K extends TEntryKind>(row: { kind: string; data: string | null }, kind: K): TEntryData[K] | null {
  if (row.kind !== kind || !row.data) return null;
  return JSON.parse(row.data) as TEntryData[K];
}

/** Timeline entries as sent; an edited post points at its latest edit so screens show both texts. */
export function toEntryDtos(rows: TEntryRow[]): TIncidentEntryDto[] {
  const latestEdit = new Map<string, string>();
  for (const r of rows) if (r.kind === 'edit' && r.editsId) latestEdit.set(r.editsId, r.id);
  return rows.map((r) => {
    const entry = {
      id: r.id,
      incidentId: r.incidentId,
      seq: r.seq,
      kind: r.kind,
      author: r.authorId ? { id: r.authorId, name: r.authorName ?? '' } : null,
      authorName: r.authorName,
      body: r.body,
      data: r.data ? JSON.parse(r.data) : null,
      editsId: r.editsId,
      editedBy: latestEdit.get(r.id) ?? null,
      createdAt: r.createdAt.toISOString(),
    };
    // The one cast of stored entries: the kind column is a plain string and data is JSON text, but appendEntry
    // (TAppend) writes each kind only with the data its schema in lib/api/incidents.ts says, so they pair up.
    return entry as TIncidentEntryDto;
  });
}
