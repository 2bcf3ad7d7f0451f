import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getRuntime } from '@/server/context';
import { isAppError } from '@/server/errors';
import { can, type TActor, type TPermission } from '@/server/services/access/actor';
import type { TRoomRow } from '@/server/services/rooms/resolve-room';
import { roomFor } from '@/server/services/rooms/room-for';

export type TRoomAccess =
  | { ok: true; actor: TActor; room: TRoomRow; can: (permission: TPermission) => boolean }
  | { ok: false; reason: 'no-room' | 'no-read'; message: string };

/**
 * The signed-in person and the room a `/rooms/<room>/…` page shows, through
 * the one way into a room (server/services/rooms/room-for.ts), checked for
 * reading. Read once per request: the `[room]` layout guards with it and the
 * page takes the room and the person's permissions from it (React `cache`).
 * No session: a redirect to /login that comes back to the page.
 */
export const roomAccess = cache(async (slug: string): Promise<TRoomAccess> => {
  const rt = getRuntime();
  const h = await headers();
  const actor = rt.resolveSession ? await rt.resolveSession(h) : null;
  if (!actor) redirect(`/login?next=${encodeURIComponent(h.get('x-warroom-path') ?? `/rooms/${slug}`)}`);
  try {
    const room = await roomFor({ ctx: rt, actor, slug, permission: 'room:read' });
    return { ok: true, actor, room, can: (permission) => can(actor, permission, room.id) };
  } catch (err) {
    if (isAppError(err)) return { ok: false, reason: err.code === 'forbidden' ? 'no-read' : 'no-room', message: err.message };
    throw err;
  }
});

/**
 * What a page under the layout reads: the room and the person's permissions,
 * or null when the layout is showing a refusal instead (layout and page
 * render side by side, so the page must not fail on its own).
 */
export async function guardedRoom(slug: string): Promise<Extract<TRoomAccess, { ok: true }> | null> {
  const access = await roomAccess(slug);
  return access.ok ? access : null;
}
