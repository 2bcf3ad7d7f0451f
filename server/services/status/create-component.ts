import type { TComponent, TComponentInput } from '../../../lib/api/status';
import type { TServiceContext } from '../../context';
import { isUniqueViolation } from '../../errors';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { nameTaken, assertProbe, componentInRoom } from './component-write';

/** Adds a component, optionally following one of the room's probes (lead+). */
export async function createComponent(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  input: TComponentInput;
}): Promise<TComponent> {
  const { ctx, input } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  await assertProbe(ctx, room.id, input.probe);
  try {
    const row = await ctx.prisma.statusComponent.create({
      data: {
        roomId: room.id,
        name: input.name,
        description: input.description ?? null,
        group: input.group ?? null,
        order: input.order ?? 0,
        probeName: input.probe ?? null,
        degradedAfterMs: input.degradedAfterMs ?? null,
        manualStatus: input.status ?? null,
      },
    });
    ctx.bus.emit('status.changed', { roomId: room.id });
    return componentInRoom(ctx, room.id, row.id);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}
