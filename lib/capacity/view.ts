/**
 * What a screen shows of the capacity answer: one line ("pool 72 % · full in
 * ~38 min · N+1 in ~21 min"), a level coloured by the lead time, and the
 * value's age and staleness on the server clock like every other number.
 * The wall, the phone and the servers page all use it.
 */
import type en from '../../messages/en.json';
import type { TCapacityAnswer } from '../api/capacity';
import { formatDuration } from '../format/duration';
import type { TLocale } from '../format/number';
import { fill } from '../i18n/fill';
import { staleness } from '../wall/stale';

export type TCapacityWords = (typeof en)['capacity'];

/** crit: full within the lead time; warn: N+1 full within it, or full within twice it; ok otherwise. */
type TCapacityLevel = 'ok' | 'warn' | 'crit' | 'none';

export interface TCapacityView {
  level: TCapacityLevel;
  text: string;
  /** the load's age on the server clock (ms), null without load */
  ageMs: number | null;
  stale: boolean;
  staleText: string | null;
}

/** "38 min" (rounded to the minute), "25 s" under a minute (a replay at speed has lead times of seconds). */
export function approxSpan(ms: number, locale: TLocale): string {
  const d = Math.max(0, ms);
  return formatDuration(d >= 60_000 ? Math.round(d / 60_000) * 60_000 : Math.round(d / 1000) * 1000, locale);
}

export function capacityView(a: TCapacityAnswer | undefined, serverNow: number, w: TCapacityWords, locale: TLocale): TCapacityView | null {
  if (!a?.model || !a.now) return null;
  const { now, model } = a;
  const loadAt = now.loadAt ? Date.parse(now.loadAt) : null;
  const st = loadAt === null ? null : staleness(loadAt, serverNow, a.staleAfterSeconds);
  const stale = st?.stale ?? false;
  const staleText = stale && st ? fill(w.stale, { age: formatDuration(st.ageMs, locale) }, locale) : null;
  if (now.load === null || now.utilization === null) {
    // No load, or no healthy server to carry it: say so, with the load's age.
    return {
      level: now.load === null ? 'none' : 'crit',
      text: now.load === null ? w.noLoad : fill(w.pool, { pct: '–' }, locale),
      ageMs: st?.ageMs ?? null,
      stale,
      staleText,
    };
  }
  // Times count from when the server evaluated, not from the screen's clock.
  const at = a.serverTime;
  const leadMs = model.leadMinutes * 60_000;
  const parts = [fill(w.pool, { pct: Math.round(now.utilization * 100) }, locale)];
  if (a.saturatesAt === null) parts.push(fill(w.notFull, { in: approxSpan(2 * leadMs, locale) }, locale));
  else if (Date.parse(a.saturatesAt) <= at) parts.push(w.fullNow);
  else parts.push(fill(w.fullIn, { in: approxSpan(Date.parse(a.saturatesAt) - at, locale) }, locale));
  if (a.nPlusOneSaturatesAt === null) parts.push(w.nPlusOneOk);
  else if (Date.parse(a.nPlusOneSaturatesAt) <= at) parts.push(w.nPlusOneNow);
  else parts.push(fill(w.nPlusOne, { in: approxSpan(Date.parse(a.nPlusOneSaturatesAt) - at, locale) }, locale));
  const within = (iso: string | null, ms: number) => iso !== null && Date.parse(iso) - at <= ms;
  const level: TCapacityLevel = within(a.saturatesAt, leadMs)
    ? 'crit'
    : within(a.nPlusOneSaturatesAt, leadMs) || within(a.saturatesAt, 2 * leadMs)
      ? 'warn'
      : 'ok';
  return { level, text: parts.join(' · '), ageMs: st?.ageMs ?? null, stale, staleText };
}
