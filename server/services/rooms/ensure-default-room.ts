import { defaultMilestoneLabel } from '../../../lib/api/room-requests';
import type { TServiceContext } from '../../context';

const DEFAULT_ROOM_SLUG = 'launch';
const DEFAULT_MILESTONES = [1_000_000, 2_000_000, 5_000_000, 10_000_000];

/** A new room's user milestones, labelled in its language: "1M users", "100万用户". */
export function defaultMilestones(locale: 'en' | 'zh') {
  return DEFAULT_MILESTONES.map((threshold) => ({
    seriesName: 'users_total',
    threshold,
    label: defaultMilestoneLabel('users_total', threshold, locale),
  }));
}

/**
 * A room's language changed: milestones still carrying the old language's
 * default label take the new one (labels a person typed stay as they are).
 */
export async function relabelDefaultMilestones(opts: { ctx: TServiceContext; roomId: string; from: string; to: 'en' | 'zh' }) {
  if (opts.from === opts.to) return;
  const from = opts.from === 'zh' ? 'zh' : 'en';
  const rows = await opts.ctx.prisma.milestone.findMany({ where: { roomId: opts.roomId } });
  for (const m of rows) {
    if (m.label !== defaultMilestoneLabel(m.seriesName, m.threshold, from)) continue;
    await opts.ctx.prisma.milestone.update({
      where: { id: m.id },
      data: { label: defaultMilestoneLabel(m.seriesName, m.threshold, opts.to) },
    });
  }
}

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
      milestones: { create: defaultMilestones('en') },
    },
  });
}
