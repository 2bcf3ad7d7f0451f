import { DATE_INPUT_PATTERN, DATE_INPUT_PLACEHOLDER, shownDateInput, storedDateInput } from '@/lib/format/date-input';
import { INPUT } from './controls';

/**
 * A date and time typed as the console shows them ("2026-11-28 20:17"),
 * whatever the browser's language; `value` is datetime-local text on this
 * device's clock (lib/format/date-input.ts).
 */
export function DateTimeInput({
  value,
  onChange,
  ...rest
}: { value: string; onChange: (value: string) => void } & Omit<
  React.InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'type'
>) {
  return (
    <input
      className={INPUT}
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={DATE_INPUT_PLACEHOLDER}
      pattern={DATE_INPUT_PATTERN}
      title={DATE_INPUT_PLACEHOLDER}
      value={shownDateInput(value)}
      onChange={(e) => onChange(storedDateInput(e.target.value))}
    />
  );
}
