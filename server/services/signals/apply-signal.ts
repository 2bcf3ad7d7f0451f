import { notifySignal } from '../notify/notify-signal';
import type { TSignal, TSignalOutcome, TSignalWrite } from './signal-types';
import { isUniqueViolation } from '../../errors';
import type { TServiceContext } from '../../context';
import type { TSignalAction } from '../../../lib/api/signals';
import type { TStatus } from '../../../lib/incidents';
import { assertCan, type TActor } from '../access/actor';
import { insertIncident } from '../incidents/create-incident';
import { appendEntry, publishIncidentChange, TX_OPTIONS, type TAppend, type TEntryDataIn } from '../incidents/incident-tx';
import type { TTx } from '../../db/client';

export type { TSignal, TSignalOutcome, TSignalWrite } from './signal-types';

/** A note's data: which signal, its state now, and the details its kind notes (noteData). */
function observed(sig: TSignal, state: 'firing' | 'recovered'): TEntryDataIn['auto'] {
  const o = { key: sig.dedupKey, state };
  switch (sig.kind) {
    case 'probe':
      return { signal: sig.kind, ...o, ...sig.noteData };
    case 'rule':
      return { signal: sig.kind, ...o, ...sig.noteData };
    case 'alertmanager':
      return { signal: sig.kind, ...o, ...sig.noteData };
    case 'webhook':
      return { signal: sig.kind, ...o };
    case 'capacity':
      return { signal: sig.kind, ...o, ...sig.noteData };
  }
}

export type TSignalRow = Awaited<ReturnType<TServiceContext['prisma']['signal']['findUniqueOrThrow']>>;

const OPEN = { not: 'resolved' } as const;

/**
 * Who a signal's timeline entries and incident are signed by: its source, not the key that carried it —
 * "Alertmanager", or the generic webhook's sender by its key's name ("grafana"); probes and rules are
 * the server's own actors already.
 */
function signalAuthor(actor: TActor, sig: TSignal): TActor {
  if (actor.kind !== 'ingest') return actor;
  if (sig.kind === 'alertmanager') return { kind: 'system', name: 'Alertmanager' };
  return { kind: 'system', name: actor.name || 'webhook' };
}

/**
 * Serializes signal changes of one room: a no-op UPDATE of the room row takes
 * its lock (PostgreSQL) before anything is read, so two processes receiving
 * the same Alertmanager notification at once (HA pairs send it twice) cannot
 * both see "no signal yet" and open two incidents. SQLite transactions are
 * serialized already.
 */
export async function lockRoomSignals(tx: TTx, roomId: string): Promise<void> {
  await tx.room.update({ where: { id: roomId }, data: { incidentSeq: { increment: 0 } }, select: { id: true } });
}

/**
 * The one signal → incident path, inside the caller's transaction. Deliveries
 * are at least once, so it compares with what is stored: firing while firing
 * changes nothing; firing after a recovery updates the open incident or, when
 * people resolved it, opens a new one; recovery notes it and moves the incident
 * to monitoring (people resolve). `extraNote` is a note of the caller's own
 * (Alertmanager lists the alerts that changed), written on the incident the
 * signal lands on; while firing, it turns "ignored" into "updated".
 */
export async function applySignalTx(
  tx: TTx,
  actor: TActor,
  sig: TSignal,
  opts: {
    extraNote?: TAppend | null;
    current?: TSignalRow | null /** something new fired: a resolved incident does not swallow it */;
    fresh?: boolean;
  } = {},
): Promise<TSignalWrite> {
  const at = sig.at ?? new Date();
  const author = signalAuthor(actor, sig);
  const where = { roomId_kind_dedupKey: { roomId: sig.roomId, kind: sig.kind, dedupKey: sig.dedupKey } };
  if (opts.current === undefined) await lockRoomSignals(tx, sig.roomId);
  const current = opts.current !== undefined ? opts.current : await tx.signal.findUnique({ where });
  const incident = current?.incidentId
    ? await tx.incident.findFirst({
        where: { id: current.incidentId, status: OPEN },
        select: { id: true, roomId: true, number: true, status: true },
      })
    : null;
  const entryIds: string[] = [];
  const append = async (inc: { id: string; roomId: string }, e: TAppend) => {
    entryIds.push(await appendEntry(tx, inc, author, e));
  };
  const done = (action: TSignalAction, inc: { id: string; number: number } | null): TSignalWrite => ({
    roomId: sig.roomId,
    action,
    incident: inc ? { id: inc.id, number: inc.number } : null,
    entryIds,
  });
  const extra = async (inc: { id: string; roomId: string }) => {
    if (opts.extraNote) await append(inc, opts.extraNote);
  };

  if (sig.status === 'firing') {
    if (current?.state === 'firing' && (incident || !opts.fresh)) {
      // Redelivery, or still failing: nothing new for people to read.
      if (incident && opts.extraNote) {
        await extra(incident);
        await tx.signal.update({ where, data: { lastSeenAt: at } });
        return done('updated', incident);
      }
      await tx.signal.update({ where, data: { lastSeenAt: at } });
      return done('ignored', incident);
    }
    if (incident) {
      // Fired again before anyone resolved: the same incident, back to investigating.
      await tx.signal.update({
        where,
        data: { state: 'firing', lastSeenAt: at, fireCount: { increment: 1 }, recoveredAt: null, url: sig.url ?? current?.url ?? null },
      });
      await append(incident, {
        kind: 'auto',
        body: sig.note ?? `${sig.name} is failing again`,
        data: observed(sig, 'firing'),
      });
      await extra(incident);
      if (sig.impact)
        await tx.incident.update({
          where: { id: incident.id },
          data: { impactText: sig.impact.text, impactValue: sig.impact.value, impactUnit: sig.impact.unit },
        });
      if (incident.status === 'monitoring') {
        await tx.incident.update({ where: { id: incident.id }, data: { status: 'investigating', version: { increment: 1 } } });
        await append(incident, { kind: 'status', body: null, data: { from: 'monitoring', to: 'investigating', reopened: false } });
      } else {
        await tx.incident.update({ where: { id: incident.id }, data: { version: { increment: 1 } } });
      }
      return done('updated', incident);
    }
    // Nothing open for it: a new incident (a resolved one stays resolved).
    const opened = await insertIncident(tx, {
      roomId: sig.roomId,
      actor: author,
      input: { title: sig.title, severity: sig.severity, summary: sig.description ?? undefined },
      source: { source: sig.kind, sourceKey: sig.dedupKey, impact: sig.impact },
    });
    entryIds.push(opened.entryId);
    const state = {
      state: 'firing',
      incidentId: opened.incident.id,
      firstSeenAt: at,
      lastSeenAt: at,
      fireCount: 1,
      recoveredAt: null,
      name: sig.name,
      url: sig.url ?? null,
    };
    await tx.signal.upsert({ where, update: state, create: { roomId: sig.roomId, kind: sig.kind, dedupKey: sig.dedupKey, ...state } });
    if (sig.note)
      await append(opened.incident, {
        kind: 'auto',
        body: sig.note,
        data: observed(sig, 'firing'),
      });
    else await extra(opened.incident);
    return done('opened', opened.incident);
  }

  // Recovered.
  if (current?.state !== 'firing') {
    if (!current) {
      // Remember it, so a late "firing" of the same episode is not taken for a new one.
      await tx.signal.create({
        data: {
          roomId: sig.roomId,
          kind: sig.kind,
          dedupKey: sig.dedupKey,
          name: sig.name,
          url: sig.url ?? null,
          state: 'recovered',
          fireCount: 0,
          firstSeenAt: at,
          lastSeenAt: at,
          recoveredAt: at,
        },
      });
    }
    return done('ignored', incident);
  }
  await tx.signal.update({ where, data: { state: 'recovered', recoveredAt: at, lastSeenAt: at } });
  if (!incident) return done('ignored', null);
  await append(incident, {
    kind: 'auto',
    body: sig.note ?? `${sig.name} recovered`,
    data: observed(sig, 'recovered'),
  });
  await extra(incident);
  if (incident.status !== 'monitoring') {
    await tx.incident.update({ where: { id: incident.id }, data: { status: 'monitoring', version: { increment: 1 } } });
    await append(incident, {
      kind: 'status',
      body: 'recovered by itself; resolve when satisfied',
      data: { from: incident.status as TStatus, to: 'monitoring', reopened: false },
    });
  } else {
    await tx.incident.update({ where: { id: incident.id }, data: { version: { increment: 1 } } });
  }
  return done('recovered', incident);
}

/** Announces what a signal wrote, after commit: the same event (incident DTO and new entries) a person's change sends. */
export async function emitSignalWrite(ctx: TServiceContext, w: TSignalWrite): Promise<void> {
  if (w.incident && w.entryIds.length > 0)
    await publishIncidentChange({ ctx, roomId: w.roomId, incidentId: w.incident.id, entryIds: w.entryIds });
}

/**
 * Applies one signal in its own transaction and announces it. Authorized
 * here, not by the incident services' person rules: an ingest key with
 * alerts:write for the room, or the server itself (probes, rules).
 */
export async function applySignal(opts: { ctx: TServiceContext; actor: TActor; signal: TSignal }): Promise<TSignalOutcome> {
  const { ctx, actor, signal } = opts;
  assertCan(actor, 'alerts:write', signal.roomId);
  for (let attempt = 0; ; attempt++) {
    try {
      const w = await ctx.prisma.$transaction(async (tx) => {
        const written = await applySignalTx(tx, actor, signal);
        await notifySignal(tx, signal, written);
        return written;
      }, TX_OPTIONS);
      await emitSignalWrite(ctx, w);
      return { incident: w.incident, action: w.action };
    } catch (err) {
      // a unique-index race between two processes seeing the same new signal: retry once, it is then found
      if (attempt === 0 && isUniqueViolation(err)) continue;
      throw err;
    }
  }
}
