import type { TServiceContext } from '../../context';
import { AppError, isUniqueViolation } from '../../errors';
import type { TProbe, TProbeInput, TProbePatch } from '../../../lib/api/signals';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { loadProbeDtos } from './probe-dto';

const nameTaken = (name: string) =>
  new AppError('conflict', `a probe named "${name}" exists in this room`, [{ field: 'name', message: 'already used in this room' }]);

async function one(ctx: TServiceContext, roomId: string, id: string): Promise<TProbe> {
  const [p] = await loadProbeDtos(ctx, { roomId, id });
  if (!p) throw new AppError('not_found', `no probe ${id} in this room`);
  return p;
}

/** The room's probes with their state and recent results (viewer+). */
export async function listProbes(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
}): Promise<{ roomId: string; probes: TProbe[]; serverTime: number }> {
  const room = await roomFor({ ...opts, permission: 'room:read' });
  return { roomId: room.id, probes: await loadProbeDtos(opts.ctx, { roomId: room.id }), serverTime: Date.now() };
}

/**
 * Adds a probe (lead+). Probes reach whatever the server can reach, internal
 * addresses included, which is why only leads and admins may create them.
 */
export async function createProbe(opts: { ctx: TServiceContext; actor: TActor; slug: string; input: TProbeInput }): Promise<TProbe> {
  const { ctx, input } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  try {
    const row = await ctx.prisma.probe.create({
      data: {
        roomId: room.id,
        name: input.name,
        url: input.url,
        method: input.method,
        expectStatus: JSON.stringify(input.expectStatus),
        expectText: input.expectText || null,
        intervalSeconds: input.intervalSeconds,
        timeoutMs: input.timeoutMs,
        downAfter: input.downAfter,
        upAfter: input.upAfter,
        severity: input.severity,
        paused: input.paused,
        nextRunAt: new Date(),
      },
    });
    ctx.bus.emit('probe.changed', { roomId: room.id, probeId: row.id });
    return one(ctx, room.id, row.id);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}

/** Changes a probe (lead+); a changed target or expectation starts its count again. */
export async function updateProbe(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  id: string;
  input: TProbePatch;
}): Promise<TProbe> {
  const { ctx, input, id } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const existing = await ctx.prisma.probe.findFirst({ where: { id, roomId: room.id } });
  if (!existing) throw new AppError('not_found', `no probe ${id} in this room`);
  const retarget =
    input.url !== undefined || input.method !== undefined || input.expectStatus !== undefined || input.expectText !== undefined;
  try {
    await ctx.prisma.probe.update({
      where: { id },
      data: {
        name: input.name,
        url: input.url,
        method: input.method,
        expectStatus: input.expectStatus ? JSON.stringify(input.expectStatus) : undefined,
        expectText: input.expectText === undefined ? undefined : input.expectText || null,
        intervalSeconds: input.intervalSeconds,
        timeoutMs: input.timeoutMs,
        downAfter: input.downAfter,
        upAfter: input.upAfter,
        severity: input.severity,
        paused: input.paused,
        ...(retarget ? { failStreak: 0, okStreak: 0 } : {}),
        // Unpausing or a new interval: check soon rather than at the old time.
        ...(input.paused === false || input.intervalSeconds !== undefined || retarget ? { nextRunAt: new Date() } : {}),
      },
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name ?? existing.name);
    throw err;
  }
  ctx.bus.emit('probe.changed', { roomId: room.id, probeId: id });
  return one(ctx, room.id, id);
}

/** Deletes a probe (lead+). An incident it opened stays for people to resolve. */
export async function deleteProbe(opts: { ctx: TServiceContext; actor: TActor; slug: string; id: string }): Promise<{ deleted: true }> {
  const { ctx, id } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const done = await ctx.prisma.probe.deleteMany({ where: { id, roomId: room.id } });
  if (done.count === 0) throw new AppError('not_found', `no probe ${id} in this room`);
  ctx.bus.emit('probe.changed', { roomId: room.id, probeId: id });
  return { deleted: true };
}
