import type { TServiceContext } from '../../context';
import { assertCan, type TActor, type TPermission } from '../access/actor';
import { assertRoomOpen, resolveRoom, type TRoomRow } from './resolve-room';

/**
 * The one way into a room: the room an actor names by slug, checked for what
 * it wants to do there. HTTP routes (through their services), socket
 * handlers, the CLI and the console pages' `[room]` layout all come here.
 *
 * - No slug: a display link's or a room-bound ingest key's own room, else the default room.
 * - Nobody signed in: 401 before saying whether the room exists.
 * - 404 names the slug; 403 names the permission.
 * - Anything but reading refuses an archived room (409 room_archived).
 */
export async function roomFor(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug?: string | null;
  permission: TPermission;
}): Promise<TRoomRow> {
  const { actor, permission } = opts;
  if (actor.kind === 'anonymous') assertCan(actor, permission);
  const room = await lookupRoom(opts);
  checkRoom(actor, room, permission);
  return room;
}

/** The room an actor's slug names (its own room when it has one and names none), unchecked: roomFor's first half. */
export async function lookupRoom(opts: { ctx: TServiceContext; actor: TActor; slug?: string | null }): Promise<TRoomRow> {
  const { ctx, actor, slug } = opts;
  const own = !slug && (actor.kind === 'display' || actor.kind === 'ingest') ? actor.roomId : null;
  return own ? await ctx.prisma.room.findUniqueOrThrow({ where: { id: own } }) : await resolveRoom({ ctx, slug });
}

/**
 * roomFor's second half, for a room already read: a socket join shares one
 * read of the room among every screen joining at once, and each is checked here.
 */
export function checkRoom(actor: TActor, room: TRoomRow, permission: TPermission): void {
  assertCan(actor, permission, room.id);
  if (permission !== 'room:read') assertRoomOpen(room);
}
