import type { TServiceContext } from '../../context';
import { assertCan, type TActor } from '../access/actor';
import { assertRoomOpen, resolveRoom, type TRoomRow } from '../rooms/resolve-room';

/** The room an alert goes to: the one named, else the ingest key's own, else the default; checked for alerts:write. */
export async function alertRoom(opts: { ctx: TServiceContext; actor: TActor; slug?: string | null }): Promise<TRoomRow> {
  const { ctx, actor, slug } = opts;
  const room =
    !slug && actor.kind === 'ingest' && actor.roomId
      ? await ctx.prisma.room.findUniqueOrThrow({ where: { id: actor.roomId } })
      : await resolveRoom({ ctx, slug });
  assertCan(actor, 'alerts:write', room.id);
  assertRoomOpen(room);
  return room;
}
