import type { TServiceContext } from '../../context';
import type { TPlanDto, TPlanList } from '../../../lib/api/night-report';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';

type TPlanRow = Awaited<ReturnType<TServiceContext['prisma']['plan']['findUniqueOrThrow']>>;

export function toPlanDto(row: TPlanRow): TPlanDto {
  return { series: row.series, points: JSON.parse(row.points) as [number, number][], updatedAt: row.updatedAt.toISOString() };
}

/** Every planned curve of a room (viewer+, a display link of the room). */
export async function listPlans(opts: { ctx: TServiceContext; actor: TActor; slug?: string }): Promise<TPlanList> {
  const room = await roomFor({ ctx: opts.ctx, actor: opts.actor, slug: opts.slug, permission: 'room:read' });
  return { plans: (await opts.ctx.prisma.plan.findMany({ where: { roomId: room.id }, orderBy: { series: 'asc' } })).map(toPlanDto) };
}

/** The plans of a room by id, for the report. */
export async function plansOfRoom(ctx: TServiceContext, roomId: string): Promise<TPlanDto[]> {
  return (await ctx.prisma.plan.findMany({ where: { roomId }, orderBy: { series: 'asc' } })).map(toPlanDto);
}
