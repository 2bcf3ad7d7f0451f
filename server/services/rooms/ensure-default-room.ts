import type { TServiceContext } from '../../context';

const DEFAULT_ROOM_SLUG = 'launch';
export const DEFAULT_MILESTONES = [1_000_000, 2_000_000, 5_000_000, 10_000_000];

/** Creates the default room (with the default user milestones) on first start; idempotent. */
export async function ensureDefaultRoom(opts: { ctx: TServiceContext }) {
  const { prisma } = opts.ctx;
  const existing = await prisma.room.findFirst({ where: { isDefault: true } });
  if (existing) return existing;
  return prisma.room.upsert({
    where: { slug: DEFAULT_ROOM_SLUG },
    update: { isDefault: true },
    create: {
      slug: DEFAULT_ROOM_SLUG,
      name: 'Launch night',
      isDefault: true,
      milestones: {
        create: DEFAULT_MILESTONES.map((threshold) => ({
          seriesName: 'users_total',
          threshold,
          label: `${threshold / 1_000_000}M users`,
        })),
      },
    },
  });
}
