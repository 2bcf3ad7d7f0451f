import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import type { TLocale } from '@/lib/format/number';
import { getRuntime } from '@/server/context';
import { resolveRoom } from '@/server/services/rooms/resolve-room';

/** A room's own screens (the wall, the public status page) speak the room's language; everything else the person's. */
const ROOM_SPOKEN = /^\/(?:wall|status)(?:\/([^/]+))?\/?$/;

/**
 * The language a page is written in, for `<html lang>`: the room's on the
 * wall and status page, else the person's choice (cookie, then browser).
 */
export async function pageLocale(): Promise<TLocale> {
  const path = (await headers()).get('x-warroom-path') ?? '';
  const m = ROOM_SPOKEN.exec(path);
  if (m) {
    try {
      const room = await resolveRoom({ ctx: getRuntime(), slug: m[1] ? decodeURIComponent(m[1]) : null });
      return room.locale === 'zh' ? 'zh' : 'en';
    } catch {
      // No such room: the page says so in the person's language.
    }
  }
  return (await getLocale()) as TLocale;
}

/** BCP 47 tags: zh-CN picks simplified Chinese glyph forms and line breaking. */
export const HTML_LANG: Record<TLocale, string> = { en: 'en', zh: 'zh-CN' };
