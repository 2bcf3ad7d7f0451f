import type { TServiceContext } from '../../context';
import type { TActor } from '../access/actor';
import { resolveRoom } from '../rooms/resolve-room';
import { buildBrief } from './build-brief';
import { shiftStart } from './handover-dto';
import { leadOf } from './handover-lead';

/** The brief a handover made now would carry, without making one (lead+): the page's preview. */
export async function previewBrief(opts: { ctx: TServiceContext; actor: TActor; slug: string; now?: number }) {
  const { ctx } = opts;
  const room = await resolveRoom({ ctx, slug: opts.slug });
  leadOf(opts.actor, room.id);
  const now = opts.now ?? Date.now();
  return { brief: await buildBrief({ ctx, roomId: room.id, since: await shiftStart({ ctx, roomId: room.id, now }), until: now }) };
}
