import { formatDuration } from '../format/duration';
import type { TLocale } from '../format/number';

// Building an Intl formatter costs far more than using one: a report formats hundreds of times.
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = FORMATTERS.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    FORMATTERS.set(timeZone, f);
  }
  return f;
}

/** "2026-11-28 20:19" on the room's clock. */
export function formatStamp(ms: number | string, timeZone: string): string {
  const d = typeof ms === 'string' ? new Date(Date.parse(ms)) : new Date(ms);
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}`;
}

/** Seconds as people say them ("45 s", "3 min", "1 h 5 min"); "—" for none. */
export function formatSeconds(s: number | null, locale: TLocale = 'en'): string {
  return s === null ? '—' : formatDuration(s * 1000, locale);
}

/** An exact count with thousands separators. */
export function formatCount(n: number | null): string {
  return n === null ? '—' : Math.round(n).toLocaleString('en-US');
}

const SOURCE_KIND: Record<string, string> = { probe: 'probe', rule: 'rule', alertmanager: 'Alertmanager', webhook: 'webhook' };

/**
 * An incident's source in one cell, by name: "rule: web error ratio high on
 * web-7", "Alertmanager: NodeDown", "probe: checkout API"; `person` for one a
 * person opened. Never an internal id.
 */
export function sourceText(
  source: { kind: string; name: string | null } | null,
  person: string,
  kinds: Record<string, string> = SOURCE_KIND,
): string {
  if (!source) return person;
  const kind = kinds[source.kind] ?? source.kind;
  return source.name ? `${kind}: ${source.name}` : kind;
}
