/**
 * Where the room switcher goes: the same kind of page in the other room.
 * /rooms/a/report → /rooms/b/report, /wall/a → /wall/b, /incidents/12 (a
 * number of room a) → /incidents?room=b; pages about no room keep their path
 * and carry the room in ?room= (home, admin, the rooms list go to the
 * chosen room's incidents).
 */
export function switchRoomPath(path: string, search: string, slug: string, defaultSlug: string): string {
  const r = encodeURIComponent(slug);
  const roomPage = /^\/rooms\/[^/]+(\/[^/]+)?/.exec(path);
  if (roomPage) return `/rooms/${r}${roomPage[1] ?? '/report'}`;
  if (/^\/wall(\/|$)/.test(path)) return `/wall/${r}`;
  const query = new URLSearchParams(search);
  if (slug === defaultSlug) query.delete('room');
  else query.set('room', slug);
  const q = query.toString();
  if (path.startsWith('/incidents')) return `/incidents${q ? `?${q}` : ''}`;
  return `/incidents${slug === defaultSlug ? '' : `?room=${r}`}`;
}
