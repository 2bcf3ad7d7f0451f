import { enqueueNotification } from '../notify/enqueue-notification';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TCreateHandover, THandoverDto } from '../../../lib/api/night-report';
import type { TActor } from '../access/actor';
import { assertRoomOpen, resolveRoom } from '../rooms/resolve-room';
import { buildBrief } from './build-brief';
import { shiftStart, toHandoverDto } from './handover-dto';
import { leadOf } from './handover-lead';

/**
 * The outgoing lead hands the room over (lead+): the brief is built from the
 * data now, since the shift began (the last accepted handover, else the
 * room's last 24 hours), and kept as it was. `to` names the incoming lead;
 * without it any lead may accept.
 */
export async function createHandover(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  input: TCreateHandover;
  now?: number;
}): Promise<THandoverDto> {
  const { ctx, actor, input } = opts;
  const room = await resolveRoom({ ctx, slug: opts.slug });
  const me = leadOf(actor, room.id);
  assertRoomOpen(room);
  let to: { id: string; name: string } | null = null;
  if (input.to) {
    const u = await ctx.prisma.user.findUnique({ where: { email: input.to.toLowerCase() } });
    const bad = (message: string) => new AppError('validation_failed', `invalid body: to: ${message}`, [{ field: 'to', message }]);
    if (!u || u.disabled) throw bad(`no active user ${input.to}`);
    if (u.role !== 'lead' && u.role !== 'admin') throw bad(`${u.name} is not a lead`);
    if (u.id === me.userId) throw bad('you cannot hand over to yourself');
    to = { id: u.id, name: u.name };
  }
  const now = opts.now ?? Date.now();
  const since = await shiftStart({ ctx, roomId: room.id, now });
  const brief = await buildBrief({ ctx, roomId: room.id, since, until: now });
  const row = await ctx.prisma.$transaction(async (tx) => {
    const made = await tx.handover.create({
      data: {
        roomId: room.id,
        fromId: me.userId,
        fromName: me.name,
        toId: to?.id ?? null,
        toName: to?.name ?? null,
        note: input.note ?? '',
        brief: JSON.stringify(brief),
        since: new Date(since),
        createdAt: new Date(now),
      },
    });
    await enqueueNotification(tx, {
      roomId: room.id,
      event: 'handover.created',
      dedupKey: `handover.created:${made.id}`,
      facts: { handover: { from: me.name, to: to?.name ?? null, acceptedBy: null }, text: input.note ?? '' },
    });
    return made;
  });
  const dto = toHandoverDto(row);
  ctx.bus.emit('handover.changed', { roomId: room.id, handover: dto });
  return dto;
}
