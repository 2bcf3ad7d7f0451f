import { describe, expect, it } from 'vitest';
import { formatAxis, formatCompact, formatDelta, formatHeadline, formatPercent, headlineParts } from './number';

describe('formatHeadline', () => {
  it('groups digits in English', () => {
    expect(formatHeadline(1_250_000, 'en')).toBe('1,250,000');
    expect(formatHeadline(999, 'en')).toBe('999');
  });
  it('uses 万 and 亿 in Chinese', () => {
    expect(formatHeadline(1_250_000, 'zh')).toBe('125万');
    expect(formatHeadline(8_070_000, 'zh')).toBe('807万');
    expect(formatHeadline(123_456_789, 'zh')).toBe('1.23亿');
    expect(formatHeadline(9_999, 'zh')).toBe('9,999');
  });
  it('rounds fractions away', () => {
    expect(formatHeadline(1234.6, 'en')).toBe('1,235');
  });
});

describe('formatCompact and friends', () => {
  it('shortens in both locales', () => {
    expect(formatCompact(1_250_000, 'en')).toBe('1.25M');
    expect(formatCompact(4_310_000, 'zh')).toBe('431万');
  });
  it('signs deltas', () => {
    expect(formatDelta(1200, 'en')).toBe('+1,200');
    expect(formatDelta(-1200, 'en')).toBe('−1,200');
    expect(formatDelta(250_000, 'en')).toBe('+250K');
    expect(formatDelta(12_345, 'zh')).toBe('+1.23万');
  });
  it('formats percentages', () => {
    expect(formatPercent(0.0312, 'en')).toBe('3.1%');
  });

  it('keeps the live headline exact in Chinese, in 万 groups that tick', () => {
    const text = (v: number, l: 'en' | 'zh') =>
      headlineParts(v, l)
        .map((p) => p.text)
        .join('');
    expect(text(1_358_765, 'en')).toBe('1,358,765');
    expect(text(1_358_765, 'zh')).toBe('135万8765');
    expect(text(1_358_766, 'zh')).not.toBe(text(1_358_765, 'zh'));
    expect(text(1_250_000, 'zh')).toBe('125万0000');
    expect(text(103_500_042, 'zh')).toBe('1亿0350万0042');
    expect(text(9_999, 'zh')).toBe('9,999');
    expect(
      headlineParts(1_358_765, 'zh')
        .filter((p) => p.unit)
        .map((p) => p.text),
    ).toEqual(['万']);
    // Same width whatever the last digits: the counter does not jitter as it rolls over.
    expect(text(1_350_000, 'zh').length).toBe(text(1_359_999, 'zh').length);
  });
});

describe('formatAxis', () => {
  const axis = (values: number[], locale: 'en' | 'zh') =>
    values.map((v) =>
      formatAxis(
        v,
        locale,
        values.map((value) => ({ value })),
      ),
    );

  it('never repeats a label when the range is narrow against the unit', () => {
    // The wall in zh with 25 users of range at 135万: it drew "135.88万" six times.
    const zh = axis([1_358_765, 1_358_770, 1_358_775, 1_358_780, 1_358_785, 1_358_790], 'zh');
    expect(new Set(zh).size).toBe(zh.length);
    expect(zh).toEqual(['135.8765万', '135.877万', '135.8775万', '135.878万', '135.8785万', '135.879万']);
    const en = axis([1_358_000, 1_358_500, 1_359_000], 'en');
    expect(new Set(en).size).toBe(3);
    // A step of 100万 in zh: "100万", "200万"; no decimals are added where the step needs none.
    expect(axis([0, 1_000_000, 2_000_000, 3_000_000], 'zh')).toEqual(['0', '100万', '200万', '300万']);
    expect(axis([1_200_000, 1_250_000, 1_300_000, 1_350_000], 'en')).toEqual(['1.2M', '1.25M', '1.3M', '1.35M']);
  });

  it('keeps a half step exact instead of rounding it onto its neighbour', () => {
    expect(axis([0, 25_000, 50_000, 75_000, 100_000], 'zh')).toEqual(['0', '2.5万', '5万', '7.5万', '10万']);
  });

  it('falls back to the full figure when four decimals of the unit cannot tell ticks apart', () => {
    expect(axis([135_887_654, 135_887_655, 135_887_656], 'zh')).toEqual(['135,887,654', '135,887,655', '135,887,656']);
  });

  it('tolerates a bare min and max Chart.js adds to the round ticks', () => {
    const labels = axis([1_358_763.4, 1_358_765, 1_358_770, 1_358_775, 1_358_791.2], 'zh');
    expect(new Set(labels).size).toBe(labels.length);
  });
});
