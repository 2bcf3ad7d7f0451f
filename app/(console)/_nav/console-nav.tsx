'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useRoomsQuery } from '@/lib/client/use-rooms';
import type { TRole } from '@/lib/roles';
import { switchRoomPath } from '@/lib/rooms/switch-path';
import { SignOutButton } from '../../(auth)/sign-out-button';
import { LanguageSwitch } from './language-switch';

const ITEM = 'flex min-h-11 items-center rounded-md px-3 text-sm hover:bg-panel';
/** Read by `/` (server/services/rooms/resolve-home-room.ts): the room a person opened last. */
const LAST_ROOM_COOKIE = 'warroom-room';

/** The room a page names: /rooms/<slug>/…, /wall/<slug>, ?room=<slug>; null when it names none (the default room's pages). */
function namedRoom(path: string, query: URLSearchParams): string | null {
  const m = /^\/(?:rooms|wall)\/([^/?#]+)/.exec(path);
  return m?.[1] ? decodeURIComponent(m[1]) : query.get('room');
}

/**
 * The console's one nav bar. Links carry the room of the page it sits on.
 * At phone width it folds into a menu button; every target is 44 px high.
 */
export function ConsoleNav({
  me,
  can,
  defaultRoom,
  homeRoom,
  roomNames,
}: {
  me: { name: string; role: TRole };
  can: { settings: boolean; admin: boolean };
  /** the install's default room: what a page naming no room is about */
  defaultRoom: string;
  /** the room `/` shows this person (the one they used last), as the server read it */
  homeRoom: string;
  /** names of rooms the server read already (slug → name): the switcher names them before its list arrives */
  roomNames: Record<string, string>;
}) {
  const t = useTranslations('nav');
  const tc = useTranslations('common');
  const path = usePathname();
  const query = useSearchParams();
  const [open, setOpen] = useState(false);
  const named = namedRoom(path, query);
  // The room used last, kept here as well as in the cookie: the nav bar stays mounted across client navigation,
  // so back on `/` it names the room the page now reads, not the one the server saw when the nav was drawn.
  const [lastUsed, setLastUsed] = useState(homeRoom);
  // `/` passes over an archived room (resolve-home-room.ts), so its name here does too (the switcher's query).
  const lastArchived = useRoomsQuery({ archived: true, live: false }).data?.rooms.find((x) => x.slug === lastUsed)?.archived;
  const room = named ?? (path === '/' ? (lastArchived ? defaultRoom : lastUsed) : defaultRoom);
  const r = encodeURIComponent(room);
  const inRoom = room === defaultRoom ? '' : `?room=${r}`;
  // `/` opens in the room last used (a year, this browser; nothing secret: a slug).
  useEffect(() => {
    if (!named) return;
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox and older Safari; the value is one encoded slug
    document.cookie = `${LAST_ROOM_COOKIE}=${encodeURIComponent(named)}; path=/; max-age=31536000; samesite=lax`;
    setLastUsed(named);
  }, [named]);
  const items: { key: string; href: string; show: boolean }[] = [
    { key: 'home', href: '/', show: true },
    { key: 'incidents', href: `/incidents${inRoom}`, show: true },
    { key: 'wall', href: `/wall/${r}`, show: true },
    { key: 'servers', href: `/rooms/${r}/servers`, show: true },
    { key: 'probes', href: `/rooms/${r}/probes`, show: true },
    { key: 'handover', href: `/rooms/${r}/handover`, show: true },
    { key: 'report', href: `/rooms/${r}/report`, show: true },
    { key: 'status', href: `/rooms/${r}/status`, show: true },
    { key: 'notifications', href: `/rooms/${r}/notifications`, show: can.settings },
    { key: 'settings', href: `/rooms/${r}/settings`, show: can.settings },
    { key: 'rooms', href: '/rooms', show: true },
    { key: 'admin', href: '/admin', show: can.admin },
    { key: 'apiDocs', href: '/api-docs', show: true },
    { key: 'help', href: '/help', show: true },
  ];
  const matches = (href: string) => {
    const p = href.split('?')[0]!;
    return p === '/' ? path === '/' : path === p || path.startsWith(`${p}/`);
  };
  // One item is the current page: the longest that matches (/rooms/x/status, not /rooms as well).
  const currentHref = items
    .filter((i) => i.show && matches(i.href))
    .map((i) => i.href)
    .sort((a, b) => b.length - a.length)[0];
  const current = (href: string) => href === currentHref;
  return (
    <>
      <nav aria-label={t('label')} className="border-b border-edge bg-bg print:hidden" data-testid="console-nav">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-1 px-2 md:px-4">
          <Link href="/" className="mr-2 flex min-h-11 items-center font-semibold">
            Warroom
          </Link>
          <RoomSwitch room={room} defaultRoom={defaultRoom} roomNames={roomNames} />
          <button
            type="button"
            className="ml-auto flex min-h-11 min-w-11 items-center justify-center rounded-md border border-edge px-3 text-sm md:hidden"
            aria-expanded={open}
            aria-controls="console-nav-items"
            data-testid="nav-menu"
            onClick={() => setOpen((o) => !o)}
          >
            ☰ {t('menu')}
          </button>
          <ul
            id="console-nav-items"
            className={`${open ? 'flex' : 'hidden'} w-full flex-col pb-2 md:ml-2 md:flex md:w-auto md:flex-1 md:flex-row md:flex-wrap md:items-center md:pb-0`}
          >
            {items
              .filter((i) => i.show)
              .map((i) => (
                <li key={i.key}>
                  <Link
                    href={i.href}
                    className={`${ITEM} ${current(i.href) ? 'bg-panel text-ink' : 'text-dim'}`}
                    aria-current={current(i.href) ? 'page' : undefined}
                    data-testid={`nav-${i.key}`}
                    onClick={() => setOpen(false)}
                  >
                    {t(i.key)}
                  </Link>
                </li>
              ))}
            <li className="flex flex-wrap items-center gap-2 border-t border-edge pt-2 md:ml-auto md:border-0 md:pt-0">
              <span className="px-3 text-xs text-dim md:px-1" data-testid="nav-me">
                {t('signedInAs', { name: me.name, role: tc(`role.${me.role}`) })}
              </span>
              <LanguageSwitch />
              <SignOutButton className={`${ITEM} text-dim`} label={t('signOut')} busyLabel={t('signingOut')} />
            </li>
          </ul>
        </div>
      </nav>
      <ArchivedBanner room={room} />
    </>
  );
}

/** Under the nav on every page of an archived room: it is read-only (writes there answer 409 room_archived). */
function ArchivedBanner({ room }: { room: string }) {
  const t = useTranslations('nav');
  const archived = useRoomsQuery({ archived: true, live: false }).data?.rooms.find((x) => x.slug === room)?.archived ?? false;
  if (!archived) return null;
  return (
    <div
      role="status"
      data-testid="room-archived-banner"
      className="border-b border-warn/50 bg-warn/10 px-4 py-2 text-center text-sm text-warn print:hidden"
    >
      {t('archivedBanner')}
    </div>
  );
}

/**
 * The room switcher: every open room (and this one, if archived), by name.
 * Choosing one goes to the same kind of page in that room (lib/rooms/switch-path.ts).
 */
function RoomSwitch({ room, defaultRoom, roomNames }: { room: string; defaultRoom: string; roomNames: Record<string, string> }) {
  const t = useTranslations('nav');
  const router = useRouter();
  const path = usePathname();
  const query = useSearchParams();
  const rooms = useRoomsQuery({ archived: true, live: false }).data?.rooms ?? [];
  const shown = rooms.filter((x) => !x.archived || x.slug === room);
  if (!shown.some((x) => x.slug === room)) shown.unshift({ slug: room, name: roomNames[room] ?? room } as (typeof rooms)[number]);
  return (
    <label className="flex min-h-11 items-center gap-1 text-xs text-dim">
      <span className="sr-only md:not-sr-only">{t('switchRoom')}</span>
      <select
        value={room}
        translate="no"
        data-testid="nav-room"
        aria-label={t('switchRoom')}
        className="min-h-11 max-w-[12rem] truncate rounded-md border border-edge bg-bg px-2 text-sm text-ink md:min-h-9"
        onChange={(e) => router.push(switchRoomPath(path, query.toString(), e.target.value, defaultRoom))}
      >
        {shown.map((x) => (
          <option key={x.slug} value={x.slug}>
            {x.name === x.slug ? x.slug : `${x.name} (${x.slug})`}
          </option>
        ))}
      </select>
    </label>
  );
}
