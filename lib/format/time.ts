import type { TLocale } from './number';

const INTL: Record<TLocale, string> = { en: 'en-GB', zh: 'zh-CN' };
const cache = new Map<string, Intl.DateTimeFormat>();

function df(locale: TLocale, withDate: boolean, timeZone: string | undefined, seconds = true): Intl.DateTimeFormat {
  const key = `${locale}:${withDate}:${timeZone ?? ''}:${seconds}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL[locale], {
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}),
      ...(withDate ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {}),
      ...(timeZone ? { timeZone } : {}),
    });
    cache.set(key, f);
  }
  return f;
}

/**
 * One time format for the whole console, always 24-hour: "20:17:48", and
 * with the date "2026-11-28 20:17:48" in both languages — the order the date
 * inputs take (lib/format/date-input.ts), so what a screen shows can be typed
 * back. On this device's clock, or a room's with `timeZone`.
 */
export function formatTime(at: string | number | Date, locale: TLocale, opts: { date?: boolean; timeZone?: string } = {}): string {
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  const f = df(locale, Boolean(opts.date), opts.timeZone);
  if (!opts.date) return f.format(d);
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}:${p.second}`;
}

/**
 * A time of day on the room's clock: "20:19" ("20:19:05" with seconds), from
 * the same formatters, made once per zone: the wall's clock and every
 * incident row call this each second.
 */
export function formatTimeOfDay(ms: number, timeZone: string, seconds = false): string {
  return df('en', false, timeZone, seconds).format(ms);
}
