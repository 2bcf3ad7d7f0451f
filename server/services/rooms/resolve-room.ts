import { parseEscalation } from '../../../lib/escalation';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';

export type TRoomRow = Awaited<ReturnType<TServiceContext['prisma']['room']['findUniqueOrThrow']>>;

/** The room named by slug, or the default room when no slug is given. 404 names the slug. */
export async function resolveRoom(opts: { ctx: TServiceContext; slug?: string | null }): Promise<TRoomRow> {
  const { ctx, slug } = opts;
  const room = slug
    ? await ctx.prisma.room.findUnique({ where: { slug } })
    : await ctx.prisma.room.findFirst({ where: { isDefault: true } });
  if (!room) {
    throw slug
      ? new AppError('not_found', `no room "${slug}"`, [{ field: 'room', message: `no room with slug "${slug}"` }])
      : new AppError('not_found', 'no default room');
  }
  return room;
}

/** The public shape of a room: no counters, no internals. */
export function toRoomDto(room: TRoomRow) {
  return {
    id: room.id,
    slug: room.slug,
    name: room.name,
    locale: room.locale as 'en' | 'zh',
    timeZone: room.timeZone,
    goLiveAt: room.goLiveAt?.toISOString() ?? null,
    idleClaimMinutes: room.idleClaimMinutes,
    staleAfterSeconds: room.staleAfterSeconds,
    isDefault: room.isDefault,
    archived: room.archivedAt !== null,
    escalation: parseEscalation(room.escalation),
  };
}

/**
 * Refuses a write into an archived room with 409 room_archived: its history,
 * report and wall stay, read-only. Every write path (ingest, alerts, incidents
 * and their updates, settings, handovers, plans, drains) checks here.
 */
export function assertRoomOpen(room: { slug: string; archivedAt: Date | null }): void {
  if (room.archivedAt)
    throw new AppError('room_archived', `room "${room.slug}" is archived (read-only)`, [
      { field: 'room', message: 'this room is archived' },
    ]);
}
