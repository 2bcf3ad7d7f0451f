import type { TLocale } from './number';

const INTL: Record<TLocale, string> = { en: 'en-GB', zh: 'zh-CN' };
const cache = new Map<string, Intl.DateTimeFormat>();

function df(locale: TLocale, withDate: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withDate}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL[locale], {
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      ...(withDate ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {}),
    });
    cache.set(key, f);
  }
  return f;
}

/**
 * One time format per language for the whole console, always 24-hour:
 * "20:17:48", and with the date "28/11/2026, 20:17:48" / "2026/11/28 20:17:48".
 */
export function formatTime(at: string | number | Date, locale: TLocale, opts: { date?: boolean } = {}): string {
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  return df(locale, Boolean(opts.date)).format(d);
}
