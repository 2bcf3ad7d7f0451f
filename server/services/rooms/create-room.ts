import type { TCreateRoom } from '../../../lib/api/room-requests';
import type { TServiceContext } from '../../context';
import { AppError, isUniqueViolation } from '../../errors';
import { assertCan, type TActor } from '../access/actor';
import { defaultMilestones } from './ensure-default-room';
import { toRoomDto } from './resolve-room';

/** A new room (admin), with the default user milestones in its language; 409 names the slug when it is taken. */
export async function createRoom(opts: { ctx: TServiceContext; actor: TActor; input: TCreateRoom }) {
  const { ctx, actor, input } = opts;
  assertCan(actor, 'admin');
  const taken = () =>
    new AppError('conflict', `the slug "${input.slug}" is taken`, [{ field: 'slug', message: 'a room with this slug exists' }]);
  if (await ctx.prisma.room.findUnique({ where: { slug: input.slug }, select: { id: true } })) throw taken();
  try {
    const room = await ctx.prisma.room.create({
      data: {
        slug: input.slug,
        name: input.name,
        timeZone: input.timeZone,
        locale: input.locale,
        milestones: { create: defaultMilestones(input.locale) },
      },
    });
    ctx.bus.emit('room.changed', { roomId: room.id });
    return toRoomDto(room);
  } catch (err) {
    // Two admins creating the same slug at once: the index decides, the loser gets the same 409.
    if (isUniqueViolation(err)) throw taken();
    throw err;
  }
}
