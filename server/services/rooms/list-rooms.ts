import type { TRoomListItem } from '../../../lib/api/rooms';
import type { TServiceContext } from '../../context';
import { assertCan, type TActor } from '../access/actor';
import { toRoomDto } from './resolve-room';

/**
 * Every room a signed-in person may see, with its open incidents and its
 * headline (the latest unlabelled users_total): three queries whatever the
 * number of rooms. Archived rooms only when asked for.
 */
export async function listRooms(opts: { ctx: TServiceContext; actor: TActor; archived: boolean }): Promise<TRoomListItem[]> {
  const { ctx, actor } = opts;
  assertCan(actor, 'room:read');
  const rooms = await ctx.prisma.room.findMany({
    where: opts.archived ? {} : { archivedAt: null },
    orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }],
  });
  // Open rooms first (sorted here: the two databases put NULLs at opposite ends).
  rooms.sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null));
  const ids = rooms.map((r) => r.id);
  const [open, heads] = await Promise.all([
    ctx.prisma.incident.groupBy({ by: ['roomId'], where: { roomId: { in: ids }, status: { not: 'resolved' } }, _count: { _all: true } }),
    ctx.prisma.metricSeries.findMany({
      where: { roomId: { in: ids }, name: 'users_total', labelsKey: '' },
      select: { roomId: true, latestValue: true, latestTime: true },
    }),
  ]);
  const openBy = new Map(open.map((o) => [o.roomId, o._count._all]));
  const headBy = new Map(heads.map((h) => [h.roomId, h]));
  return rooms.map((r) => {
    const h = headBy.get(r.id);
    return {
      ...toRoomDto(r),
      openIncidents: openBy.get(r.id) ?? 0,
      headline: h && h.latestValue !== null && h.latestTime ? { value: h.latestValue, time: h.latestTime.toISOString() } : null,
    };
  });
}
