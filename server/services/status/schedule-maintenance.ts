import type { TMaintenance, TMaintenanceInput } from '../../../lib/api/status';
import type { TServiceContext } from '../../context';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { assertComponents, maintenanceDto } from './status-rows';

/** Schedules a maintenance window (lead+); its components read under_maintenance while it runs. */
export async function scheduleMaintenance(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  input: TMaintenanceInput;
}): Promise<TMaintenance> {
  const { ctx, input } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  await assertComponents(ctx, room.id, input.components);
  const row = await ctx.prisma.statusMaintenance.create({
    data: {
      roomId: room.id,
      title: input.title,
      body: input.message,
      components: JSON.stringify(input.components),
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
    },
  });
  ctx.bus.emit('status.changed', { roomId: room.id });
  return maintenanceDto(row);
}
