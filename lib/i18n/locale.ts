import type { TLocale } from '@/lib/format/number';

/** The console's languages; the first is the fallback. No zod: screens import this. */
export const LOCALES = ['en', 'zh'] as const satisfies readonly TLocale[];
/** A person's override of their browser's language (set by the switcher in the nav). */
export const LOCALE_COOKIE = 'warroom-locale';

function asLocale(tag: string | undefined | null): TLocale | null {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return base === 'en' || base === 'zh' ? base : null;
}

/**
 * The language a person reads: their override cookie when it names a known
 * language, else the first known language in their browser's Accept-Language
 * (by q weight), else English.
 */
export function chooseLocale(cookie: string | undefined | null, acceptLanguage: string | undefined | null): TLocale {
  const chosen = asLocale(cookie);
  if (chosen) return chosen;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const w of wanted) {
    const l = asLocale(w.tag);
    if (l) return l;
  }
  return LOCALES[0];
}
