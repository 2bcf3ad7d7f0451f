import { describe, expect, it } from 'vitest';
import { DATE_INPUT_PATTERN, shownDateInput, storedDateInput } from './date-input';
import { formatTime } from './time';

describe('date inputs', () => {
  const evening = new Date(2026, 10, 28, 20, 17, 48);
  const pattern = new RegExp(`^(?:${DATE_INPUT_PATTERN})$`);

  it('show what the screens show, and read it back on this clock', () => {
    const shown = formatTime(evening, 'en', { date: true });
    expect(pattern.test(shown)).toBe(true);
    expect(new Date(storedDateInput(shown)).getTime()).toBe(evening.getTime());
    expect(shownDateInput('2026-11-28T20:17')).toBe('2026-11-28 20:17');
    expect(storedDateInput(' 2026-11-28 20:17 ')).toBe('2026-11-28T20:17');
    expect(storedDateInput('2026-11-28T20:17:05')).toBe('2026-11-28T20:17:05');
  });
  it('refuse what a browser would read another way', () => {
    for (const bad of ['28/11/2026 20:17', '11/28/2026, 8:17 PM', '2026-11-28', '20:17']) expect(pattern.test(bad), bad).toBe(false);
  });
});
