import type { TServiceContext } from '../../context';
import { can, type TActor } from '../access/actor';
import type { TRoomRow } from './resolve-room';

/** The cookie the console sets to the room of the last room page a person opened. */
export const LAST_ROOM_COOKIE = 'warroom-room';

/**
 * The room `/` shows a signed-in person: the one they used last (the cookie),
 * else the install's default room, else the first room still open — passing
 * over archived rooms and rooms they may not read. Null when there is none.
 */
export async function resolveHomeRoom(opts: { ctx: TServiceContext; actor: TActor; lastUsed?: string | null }): Promise<TRoomRow | null> {
  const { ctx, actor, lastUsed } = opts;
  const open = await ctx.prisma.room.findMany({ where: { archivedAt: null }, orderBy: { createdAt: 'asc' } });
  const readable = open.filter((r) => can(actor, 'room:read', r.id));
  return readable.find((r) => r.slug === lastUsed) ?? readable.find((r) => r.isDefault) ?? readable[0] ?? null;
}
