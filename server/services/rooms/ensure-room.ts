import type { TServiceContext } from '../../context';
import { defaultMilestones } from './ensure-default-room';

/**
 * The room with this slug, created (with the default user milestones) when
 * it does not exist yet: `npm run demo` replays into a room of its own.
 * Idempotent, and safe when two processes create it at once.
 */
export async function ensureRoom(opts: { ctx: TServiceContext; slug: string; name: string }) {
  const { prisma } = opts.ctx;
  return prisma.room.upsert({
    where: { slug: opts.slug },
    update: {},
    create: {
      slug: opts.slug,
      name: opts.name,
      milestones: { create: defaultMilestones('en') },
    },
  });
}
