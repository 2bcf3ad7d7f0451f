import type { TSafetyLineInput } from '../../../lib/api/room-requests';
import type { TServiceContext } from '../../context';
import type { TActor } from '../access/actor';
import { safetyLineDto } from './room-settings-dto';
import { roomFor } from './room-for';

/** Sets the safety line of one metric (lead+): one line per metric name, so setting it again replaces it. */
export async function setSafetyLine(opts: { ctx: TServiceContext; actor: TActor; slug: string; input: TSafetyLineInput }) {
  const { ctx, input } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const values = { warning: input.warning, critical: input.critical, direction: input.direction };
  const line = await ctx.prisma.safetyLine.upsert({
    where: { roomId_metricName: { roomId: room.id, metricName: input.metricName } },
    update: values,
    create: { roomId: room.id, metricName: input.metricName, ...values },
  });
  ctx.bus.emit('room.changed', { roomId: room.id });
  return safetyLineDto(line);
}
