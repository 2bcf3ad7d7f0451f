import { describe, expect, it } from 'vitest';
import { formatTime } from './time';

describe('formatTime', () => {
  const evening = new Date(2026, 10, 28, 20, 17, 48);
  it('is 24-hour in both languages', () => {
    expect(formatTime(evening, 'en')).toBe('20:17:48');
    expect(formatTime(evening, 'zh')).toBe('20:17:48');
    expect(formatTime(evening.getTime(), 'en')).not.toMatch(/PM|AM/);
  });
  it('adds the date when asked, in one order for both languages (the one the date inputs take)', () => {
    expect(formatTime(evening, 'en', { date: true })).toBe('2026-11-28 20:17:48');
    expect(formatTime(evening, 'zh', { date: true })).toBe('2026-11-28 20:17:48');
  });
  it("on a room's clock when given its time zone", () => {
    expect(formatTime(Date.UTC(2026, 10, 28, 20, 17, 48), 'en', { date: true, timeZone: 'Asia/Shanghai' })).toBe('2026-11-29 04:17:48');
  });
  it('says nothing for a bad time', () => {
    expect(formatTime('not a time', 'en')).toBe('');
  });
});
