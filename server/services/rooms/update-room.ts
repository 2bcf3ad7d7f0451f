import type { TRoomPatch } from '../../../lib/api/room-requests';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { assertCan, type TActor } from '../access/actor';
import { relabelDefaultMilestones } from './ensure-default-room';
import { resolveRoom, toRoomDto } from './resolve-room';

/**
 * An admin renames, re-localises, archives or restores a room. The default
 * room cannot be archived: it is where unnamed ingest and /wall go.
 */
export async function updateRoom(opts: { ctx: TServiceContext; actor: TActor; slug: string; input: TRoomPatch }) {
  const { ctx, actor, input } = opts;
  assertCan(actor, 'admin');
  const room = await resolveRoom({ ctx, slug: opts.slug });
  if (input.archived && room.isDefault)
    throw new AppError('validation_failed', 'the default room cannot be archived', [
      { field: 'archived', message: 'the default room cannot be archived' },
    ]);
  const updated = await ctx.prisma.room.update({
    where: { id: room.id },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
      ...(input.archived !== undefined ? { archivedAt: input.archived ? (room.archivedAt ?? new Date()) : null } : {}),
    },
  });
  if (input.locale) await relabelDefaultMilestones({ ctx, roomId: room.id, from: room.locale, to: input.locale });
  ctx.bus.emit('room.changed', { roomId: room.id });
  return toRoomDto(updated);
}
