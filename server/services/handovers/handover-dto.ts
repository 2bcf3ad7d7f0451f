import type { TServiceContext } from '../../context';
import type { TBrief, THandoverDto } from '../../../lib/api/night-report';

export const DEFAULT_WINDOW_MS = 24 * 3600_000;

type THandoverRow = Awaited<ReturnType<TServiceContext['prisma']['handover']['findUniqueOrThrow']>>;

/** The public shape of a handover row. */
export function toHandoverDto(h: THandoverRow): THandoverDto {
  return {
    id: h.id,
    from: { id: h.fromId, name: h.fromName },
    to: h.toId ? { id: h.toId, name: h.toName ?? '' } : null,
    createdAt: h.createdAt.toISOString(),
    acceptedAt: h.acceptedAt?.toISOString() ?? null,
    acceptedBy: h.acceptedById ? { id: h.acceptedById, name: h.acceptedByName ?? '' } : null,
    tookOver: h.tookOver,
    note: h.note,
    brief: JSON.parse(h.brief) as TBrief,
  };
}

/** When the current shift began: the last accepted handover, else the start of the room's last 24 hours. */
export async function shiftStart(opts: { ctx: TServiceContext; roomId: string; now: number }): Promise<number> {
  const last = await opts.ctx.prisma.handover.findFirst({
    where: { roomId: opts.roomId, acceptedAt: { not: null } },
    orderBy: { acceptedAt: 'desc' },
  });
  return last?.acceptedAt ? last.acceptedAt.getTime() : opts.now - DEFAULT_WINDOW_MS;
}
