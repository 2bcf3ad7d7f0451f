/**
 * The console's date inputs: plain text in the one format its screens show
 * ("2026-11-28 20:17", seconds optional; lib/format/time.ts), instead of the
 * browser's datetime-local, whose order and 12/24-hour clock follow the
 * browser's language rather than the console's. The value kept by a form is
 * the datetime-local text ("2026-11-28T20:17"), so `new Date(value)` reads it
 * on this device's clock.
 */
export const DATE_INPUT_PATTERN = '\\s*\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2})?\\s*';
export const DATE_INPUT_PLACEHOLDER = 'YYYY-MM-DD HH:mm';

/** The form's value as the input shows it. */
export function shownDateInput(value: string): string {
  return value.replace('T', ' ');
}

/** What was typed, as the form's value ("2026-11-28 20:17" → "2026-11-28T20:17"). */
export function storedDateInput(text: string): string {
  return text.trim().replace(/\s+/, 'T');
}
