import type { TServiceContext } from '../../context';

/** Every room whose public status page is on, with its slug: the realtime layer renders their snapshots at start. */
export async function listEnabledStatusPages(ctx: TServiceContext): Promise<{ roomId: string; slug: string }[]> {
  const pages = await ctx.prisma.statusPage.findMany({ where: { enabled: true }, select: { roomId: true } });
  const rooms = await ctx.prisma.room.findMany({ where: { id: { in: pages.map((p) => p.roomId) } }, select: { id: true, slug: true } });
  return rooms.map((r) => ({ roomId: r.id, slug: r.slug }));
}
