import { describe, expect, it } from 'vitest';
import { formatCompact, formatDelta, formatHeadline, formatPercent, headlineParts } from './number';

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
