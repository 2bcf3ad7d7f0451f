import type { z } from 'zod';
import type { TServiceContext } from '../../context';
import type { ENTRY_DATA } from '../../../lib/api/incident-timeline';
import type { TTx } from '../../db/client';
import type { TEntryKind } from '../../../lib/incidents';
import type { TIncidentDto } from '../../../lib/api/incidents';
import type { TIncidentEntryDto } from '../../../lib/api/incident-timeline';
import { loadIncidentDto, toEntryDtos } from './incident-dto';
import { authorOf, type TActor } from '../access/actor';
import { commitIdempotentAnswer } from '../idempotency/commit-answer';
import { notifyIncidentEscalated, notifyIncidentStatus } from '../notify/notify-incident';

/** Five concurrent writers on one SQLite connection queue behind its mutex; give them time. */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

/** Each kind's data as a writer passes it: the input type of that kind's schema in the contract. */
export type TEntryDataIn = { [K in TEntryKind]: z.input<(typeof ENTRY_DATA)[K]> };

/**
 * One entry to append: its kind and the data that kind's schema says (omitted
 * for kinds that carry none), so the timeline holds only what the contract
 * promises screens.
 */
export type TAppend = {
  [K in TEntryKind]: { kind: K; body?: string | null; editsId?: string | null } & (null extends TEntryDataIn[K]
    ? { data?: null }
    : { data: TEntryDataIn[K] });
}[TEntryKind];

/**
 * Appends one timeline entry with the room's next sequence number. The room
 * row's counter is incremented in the same transaction: on PostgreSQL the
 * row lock orders concurrent writers, and the unique (roomId, seq) index
 * backs it, so screens can catch up by "everything after seq N".
 */
export async function appendEntry(tx: TTx, incident: { id: string; roomId: string }, actor: TActor, e: TAppend): Promise<string> {
  const room = await tx.room.update({ where: { id: incident.roomId }, data: { eventSeq: { increment: 1 } }, select: { eventSeq: true } });
  const author = authorOf(actor);
  const row = await tx.incidentEntry.create({
    data: {
      incidentId: incident.id,
      roomId: incident.roomId,
      seq: room.eventSeq,
      kind: e.kind,
      authorId: author.id,
      authorName: author.name,
      body: e.body ?? null,
      data: e.data ? JSON.stringify(e.data) : null,
      editsId: e.editsId ?? null,
    },
    select: { id: true },
  });
  // The outbox rows commit with the change that causes them.
  if (e.kind === 'status' && e.data) await notifyIncidentStatus(tx, incident, row.id, e.data);
  if (e.kind === 'severity' && e.data) await notifyIncidentEscalated(tx, incident, row.id, e.data);
  return row.id;
}

/**
 * Runs one incident change in a transaction: `fn` writes and appends entries;
 * any entry by the current owner counts as the owner being active (idle-claim
 * flag). After commit, one 'incident.changed' event carries the incident and
 * its new entries; the caller gets the same DTOs to answer with.
 */
export async function runIncidentChange<R>(opts: {
  ctx: TServiceContext;
  actor: TActor;
  incident: { id: string; roomId: string };
  fn: (tx: TTx, append: (e: TAppend) => Promise<string>) => Promise<R>;
}): Promise<{ result: R; entryIds: string[]; incident: TIncidentDto; entries: TIncidentEntryDto[] }> {
  const { ctx, actor, incident } = opts;
  const entryIds: string[] = [];
  const result = await ctx.prisma.$transaction(async (tx) => {
    const append = async (e: TAppend) => {
      const id = await appendEntry(tx, incident, actor, e);
      entryIds.push(id);
      return id;
    };
    const r = await opts.fn(tx, append);
    if (entryIds.length > 0) {
      const now = new Date();
      const me = authorOf(actor).id;
      // updatedAt moves with every entry; ownerActiveAt only with the owner's own.
      const owned = me
        ? await tx.incident.updateMany({ where: { id: incident.id, ownerId: me }, data: { ownerActiveAt: now } })
        : { count: 0 };
      if (owned.count === 0) await tx.incident.update({ where: { id: incident.id }, data: { updatedAt: now } });
    }
    // A keyed request's answer commits with its effect (no-op without an Idempotency-Key).
    await commitIdempotentAnswer(tx, { incidentId: incident.id, result: r });
    return r;
  }, TX_OPTIONS);
  const changed = await publishIncidentChange({ ctx, roomId: incident.roomId, incidentId: incident.id, entryIds });
  return { result, entryIds, ...changed };
}

/**
 * After commit: loads the incident and its new entries once, and — when
 * there are new entries — publishes them on the bus, so the fan-out sends
 * what the service answers without reading the database again.
 */
export async function publishIncidentChange(opts: {
  ctx: TServiceContext;
  roomId: string;
  incidentId: string;
  entryIds: string[];
}): Promise<{ incident: TIncidentDto; entries: TIncidentEntryDto[] }> {
  const { ctx, roomId, incidentId, entryIds } = opts;
  // The change is committed: a read that fails because the database just dropped a connection is tried again.
  const [incident, rows] = await withRetries(() =>
    Promise.all([
      loadIncidentDto(ctx.prisma, incidentId),
      entryIds.length
        ? ctx.prisma.incidentEntry.findMany({ where: { id: { in: entryIds } }, orderBy: { seq: 'asc' } })
        : Promise.resolve([]),
    ]),
  );
  const entries = toEntryDtos(rows);
  if (entries.length > 0) ctx.bus.emit('incident.changed', { roomId, incident, entries });
  return { incident, entries };
}

/** A read that failed because the database dropped a connection usually works a moment later. */
async function withRetries<T>(f: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await f();
    } catch (err) {
      if (i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 150 * i));
    }
  }
}
