import { describe, expect, it } from 'vitest';
import { formatTime, formatTimeOfDay } from './time';

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

describe('formatTimeOfDay', () => {
  const t = Date.UTC(2026, 2, 29, 0, 59, 7); // the night Europe/Berlin goes to summer time

  it('reads the room’s zone, with and without seconds, each zone with its own formatter', () => {
    expect(formatTimeOfDay(t, 'UTC')).toBe('00:59');
    expect(formatTimeOfDay(t, 'UTC', true)).toBe('00:59:07');
    expect(formatTimeOfDay(t, 'Asia/Shanghai')).toBe('08:59');
    expect(formatTimeOfDay(t, 'Europe/Berlin', true)).toBe('01:59:07');
    expect(formatTimeOfDay(t + 60_000, 'Europe/Berlin', true)).toBe('03:00:07');
    // Asked again after another zone: still its own zone (nothing shared by mistake).
    expect(formatTimeOfDay(t, 'UTC')).toBe('00:59');
  });

  it('writes midnight as 00, never 24, and matches what toLocaleTimeString printed before', () => {
    const midnight = Date.UTC(2026, 11, 8, 0, 0, 5);
    expect(formatTimeOfDay(midnight, 'UTC', true)).toBe('00:00:05');
    for (const zone of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
      for (const ms of [midnight, t, t + 12 * 3_600_000]) {
        expect(formatTimeOfDay(ms, zone, true)).toBe(new Date(ms).toLocaleTimeString('en-GB', { timeZone: zone, hour12: false }));
      }
    }
  });

  it('refuses a zone that does not exist, as the browser does', () => {
    expect(() => formatTimeOfDay(t, 'Mars/Olympus')).toThrow(RangeError);
  });
});
