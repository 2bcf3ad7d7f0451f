import type { TServiceContext } from '../../context';

/** A room's slug by its id, as a list: empty when the room is gone. */
export async function roomSlugs(ctx: TServiceContext, roomId: string): Promise<string[]> {
  const room = await ctx.prisma.room.findUnique({ where: { id: roomId }, select: { slug: true } });
  return room ? [room.slug] : [];
}
