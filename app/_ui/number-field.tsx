import { INPUT } from './controls';

/** A form field's label above its control, as the console's forms lay them out. */
export const FIELD_LABEL = 'flex flex-col gap-1 text-sm';

/** A labelled number input (the probe and rule forms' intervals, counts and thresholds). */
export function NumberField(props: {
  name: string;
  label: string;
  value: string | number;
  onChange: (e: React.ChangeEvent<HTMLInputElement>) => void;
  step?: string;
}) {
  return (
    <label className={FIELD_LABEL}>
      {props.label}
      <input name={props.name} type="number" step={props.step} className={INPUT} value={props.value} onChange={props.onChange} />
    </label>
  );
}
