import type { TAnnotationInput } from '../../../lib/api/room-requests';
import type { TServiceContext } from '../../context';
import type { TActor } from '../access/actor';
import { annotationDto } from './room-settings-dto';
import { roomFor } from './room-for';

/** Marks a moment on the room's timeline (lead+); without a time it is "now" on the server's clock. */
export async function addAnnotation(opts: { ctx: TServiceContext; actor: TActor; slug: string; input: TAnnotationInput; now?: number }) {
  const { ctx, actor, input } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const time =
    input.time === undefined
      ? new Date(opts.now ?? Date.now())
      : new Date(typeof input.time === 'number' ? input.time : Date.parse(input.time));
  const a = await ctx.prisma.annotation.create({
    data: { roomId: room.id, label: input.label, time, createdById: actor.kind === 'user' ? actor.userId : null },
  });
  ctx.bus.emit('room.changed', { roomId: room.id });
  return annotationDto(a);
}
