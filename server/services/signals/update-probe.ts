import type { TServiceContext } from '../../context';
import { AppError, isUniqueViolation } from '../../errors';
import type { TProbe, TProbePatch } from '../../../lib/api/signals';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { nameTaken, probeInRoom } from './probe-write';

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
  return probeInRoom(ctx, room.id, id);
}
