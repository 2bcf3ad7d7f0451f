export type TLocale = 'en' | 'zh';

const INTL: Record<TLocale, string> = { en: 'en-US', zh: 'zh-CN' };
const cache = new Map<string, Intl.NumberFormat>();

function nf(locale: TLocale, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL[locale], opts);
    cache.set(key, f);
  }
  return f;
}

/**
 * A headline number as people in the room say it: 1,250,000 in English,
 * 125万 in Chinese (万 and 亿 are how a Chinese team reads large counts).
 */
export function formatHeadline(value: number, locale: TLocale): string {
  if (locale === 'zh' && Math.abs(value) >= 10_000) {
    return nf('zh', { notation: 'compact', maximumFractionDigits: Math.abs(value) >= 1e8 ? 2 : 1 }).format(value);
  }
  return nf(locale, { maximumFractionDigits: 0 }).format(value);
}

/**
 * A short number for small labels, three significant digits: 1.25M, 686K,
 * 431万 — never "685.92K". Axes use formatAxis, which keeps the digits that
 * tell neighbouring ticks apart.
 */
export function formatCompact(value: number, locale: TLocale): string {
  return nf(locale, { notation: 'compact', maximumSignificantDigits: 3 }).format(value);
}

/** The power of ten compact notation divides by in this locale (万 = 1e4, M = 1e6 …). */
function compactUnit(value: number, locale: TLocale): number {
  const abs = Math.abs(value);
  const steps = locale === 'zh' ? [1e12, 1e8, 1e4] : [1e12, 1e9, 1e6, 1e3];
  return steps.find((u) => abs >= u) ?? 1;
}

/** Decimals needed to write x exactly (up to max), ignoring floating-point noise. */
function decimalsOf(x: number, max: number): number {
  for (let d = 0; d <= max; d++) if (Math.abs(Math.round(x * 10 ** d) - x * 10 ** d) < 1e-6) return d;
  return max + 1;
}

const AXIS_MAX_DECIMALS = 4;

/**
 * An axis tick, compact, with as many decimals as the ticks' step needs: a
 * range of 25 users at 135万 reads 135.8765万, 135.877万 … and never shows
 * "135.88万" twice. `ticks` are all the axis's ticks (Chart.js passes them to
 * its callback); the precision is chosen once for the axis, from the round
 * ticks inside it (a bare min or max Chart.js adds is not round), and raised
 * until no two labels are the same. When four decimals of the unit still
 * cannot tell them apart, the ticks are written in full (1,358,766).
 */
export function formatAxis(value: number, locale: TLocale, ticks?: readonly { value: number }[]): string {
  const values = ticks?.length ? ticks.map((t) => t.value) : [value];
  const round = values.length >= 4 ? values.slice(1, -1) : values;
  let digits = 0;
  for (const v of round) digits = Math.max(digits, decimalsOf(v / compactUnit(v, locale), AXIS_MAX_DECIMALS));
  const format = (d: number) => nf(locale, { notation: 'compact', maximumFractionDigits: d });
  for (; digits <= AXIS_MAX_DECIMALS; digits++) {
    const f = format(digits);
    if (new Set(values.map((v) => f.format(v))).size === values.length) return f.format(value);
  }
  return nf(locale, { maximumFractionDigits: 0 }).format(value);
}

/**
 * A signed change, one rule in both languages: exact below 10,000
 * ("+4,563"), compact with three significant digits from there
 * ("+76.7K", "+7.67万"), so a rate never reads "+685.92K".
 */
export function formatDelta(value: number, locale: TLocale): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  const abs = Math.abs(value);
  return sign + (abs >= 10_000 ? formatCompact(abs, locale) : nf(locale, { maximumFractionDigits: 0 }).format(abs));
}

/** A ratio as a percentage: 0.0312 → 3.1 %. */
export function formatPercent(ratio: number, locale: TLocale): string {
  return nf(locale, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** One run of a live headline: digits, or a unit character (万, 亿) drawn smaller between them. */
export type THeadlinePart = { text: string; unit: boolean; key: string };

/**
 * The wall's live counter, exact in every language. English: 1,358,765.
 * Chinese: 135万8765 — the order a Chinese team says the figure in
 * (一百三十五万八千七百六十五), where the big group is read from across the
 * room and the four digits after 万 keep ticking like the English figure's
 * last digits. Groups after the first are zero-padded to four digits so the
 * number's width does not jump as they roll over (125万0000, 1亿0350万0042).
 */
export function headlineParts(value: number, locale: TLocale): THeadlinePart[] {
  const n = Math.round(value);
  if (locale !== 'zh' || Math.abs(n) < 10_000)
    return [{ text: nf(locale, { maximumFractionDigits: 0 }).format(n), unit: false, key: 'all' }];
  const sign = n < 0 ? '−' : '';
  let rest = Math.abs(n);
  const yi = Math.floor(rest / 1e8);
  rest -= yi * 1e8;
  const wan = Math.floor(rest / 1e4);
  const ones = rest - wan * 1e4;
  const pad = (x: number) => String(x).padStart(4, '0');
  const parts: THeadlinePart[] = [];
  if (yi > 0)
    parts.push(
      { text: sign + String(yi), unit: false, key: 'yi' },
      { text: '亿', unit: true, key: 'yi-unit' },
      { text: pad(wan), unit: false, key: 'wan' },
    );
  else parts.push({ text: sign + String(wan), unit: false, key: 'wan' });
  parts.push({ text: '万', unit: true, key: 'wan-unit' }, { text: pad(ones), unit: false, key: 'ones' });
  return parts;
}
