import type { TServiceContext } from '../../context';
import { isUniqueViolation } from '../../errors';
import type { TProbe, TProbeInput } from '../../../lib/api/signals';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { nameTaken, probeInRoom } from './probe-write';

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
    return probeInRoom(ctx, room.id, row.id);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}
