import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TDrainRecord, TDrainResponse } from '../../../lib/api/servers';
import type { TActor } from '../access/actor';
import { findIncident } from '../incidents/find-incident';
import { runIncidentChange, TX_OPTIONS, type TEntryDataIn } from '../incidents/incident-tx';
import type { TTx } from '../../db/client';
import type { TRoomRow } from '../rooms/resolve-room';
import { roomFor } from '../rooms/room-for';
import { listServersOfRoom, SERVER_LABEL_FRAGMENT } from './list-servers';

export type TDrainRow = Awaited<ReturnType<TServiceContext['prisma']['serverDrain']['findUniqueOrThrow']>>;

export const openKeyOf = (roomId: string, server: string) => `${roomId}/${server}`;

/** The server's open drain in the room, if it is drained now. */
export const openDrainOf = (ctx: TServiceContext, roomId: string, server: string) =>
  ctx.prisma.serverDrain.findUnique({ where: { openKey: openKeyOf(roomId, server) } });

function recordDto(d: TDrainRow, incident: { id: string; number: number } | null): TDrainRecord {
  return {
    id: d.id,
    server: d.server,
    reason: d.reason,
    incident,
    drainedAt: d.drainedAt.toISOString(),
    drainedBy: d.drainedByName,
    restoredAt: d.restoredAt?.toISOString() ?? null,
    restoredBy: d.restoredByName,
    restoreReason: d.restoreReason,
  };
}

/** The room, checked for a lead (drains change who serves the room's traffic), and the server seen in it. */
export async function roomAndServer(opts: { ctx: TServiceContext; actor: TActor; slug: string; name: string }): Promise<TRoomRow> {
  const room = await roomFor({ ctx: opts.ctx, actor: opts.actor, slug: opts.slug, permission: 'room:settings' });
  const seen = await opts.ctx.prisma.metricSeries.findFirst({
    where: { roomId: room.id, labelsKey: { contains: SERVER_LABEL_FRAGMENT + JSON.stringify(opts.name) } },
    select: { id: true },
  });
  if (!seen)
    throw new AppError('not_found', `no server "${opts.name}" in room ${room.slug}`, [
      { field: 'name', message: 'no series carries this server label' },
    ]);
  return room;
}

/** The incident a body names (number in the room, or id), which must be in the same room: 400 naming `incident` otherwise. */
export async function linkedIncident(ctx: TServiceContext, room: TRoomRow, ref: number | string | undefined) {
  if (ref === undefined) return null;
  const bad = () =>
    new AppError('validation_failed', `no incident ${ref} in room ${room.slug}`, [
      { field: 'incident', message: 'no such incident in this room' },
    ]);
  const row = await findIncident({ ctx, ref: String(ref), room: room.slug }).catch(() => {
    throw bad();
  });
  if (row.roomId !== room.id) throw bad();
  return row;
}

/**
 * Runs a drain change: in the incident's transaction (with its timeline
 * entry) when one is linked, else in a plain one — so a drain is never
 * stored without the entry it promised, nor the entry without the drain.
 */
export async function writeDrain(opts: {
  ctx: TServiceContext;
  actor: TActor;
  incident: { id: string; roomId: string } | null;
  entry: { body: string | null; data: TEntryDataIn['server'] };
  fn: (tx: TTx) => Promise<TDrainRow>;
}): Promise<TDrainRow> {
  const { ctx, actor, incident } = opts;
  if (!incident) return ctx.prisma.$transaction((tx) => opts.fn(tx), TX_OPTIONS);
  const { result } = await runIncidentChange({
    ctx,
    actor,
    incident,
    fn: async (tx, append) => {
      const row = await opts.fn(tx);
      await append({ kind: 'server', body: opts.entry.body, data: opts.entry.data });
      return row;
    },
  });
  return result;
}

export async function drainAnswer(
  ctx: TServiceContext,
  room: TRoomRow,
  name: string,
  row: TDrainRow,
  incident: { id: string; number: number } | null,
  now: number,
): Promise<TDrainResponse> {
  const { servers } = await listServersOfRoom({ ctx, room, now });
  const server = servers.find((s) => s.name === name)!;
  return { ...server, record: recordDto(row, incident) };
}

/** After commit: the room's drained servers as they now are, on the bus, so the fan-out reads no database. */
export async function publishServersChanged(
  ctx: TServiceContext,
  roomId: string,
  server: string,
  action: 'drain' | 'restore',
): Promise<void> {
  const rows = await ctx.prisma.serverDrain.findMany({ where: { roomId, openKey: { not: null } }, select: { server: true } });
  ctx.bus.emit('servers.changed', { roomId, server, action, drained: rows.map((r) => r.server).sort() });
}
