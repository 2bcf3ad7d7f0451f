import type { TServiceContext } from '../../context';
import type { THandoverList } from '../../../lib/api/night-report';
import type { TActor } from '../access/actor';
import { toRoomDto } from '../rooms/resolve-room';
import { roomFor } from '../rooms/room-for';
import { toHandoverDto } from './handover-dto';

const MAX_HANDOVERS_LISTED = 100;

/** A room's handovers, newest first, and who is on duty (the last accepted one's lead) since when. */
export async function listHandovers(opts: { ctx: TServiceContext; actor: TActor; slug?: string }): Promise<THandoverList> {
  const { ctx } = opts;
  const room = await roomFor({ ctx, actor: opts.actor, slug: opts.slug, permission: 'room:read' });
  const [rows, duty] = await Promise.all([
    ctx.prisma.handover.findMany({
      where: { roomId: room.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: MAX_HANDOVERS_LISTED,
    }),
    ctx.prisma.handover.findFirst({ where: { roomId: room.id, acceptedAt: { not: null } }, orderBy: { acceptedAt: 'desc' } }),
  ]);
  const r = toRoomDto(room);
  return {
    room: { slug: r.slug, name: r.name, timeZone: r.timeZone, locale: r.locale },
    handovers: rows.map(toHandoverDto),
    onDuty:
      duty?.acceptedAt && duty.acceptedById
        ? { person: { id: duty.acceptedById, name: duty.acceptedByName ?? '' }, since: duty.acceptedAt.toISOString() }
        : null,
  };
}
