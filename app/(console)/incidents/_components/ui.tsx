import type { TStatus } from '@/lib/incidents';

export { BUTTON, INPUT, PANEL, PRIMARY } from '@/app/_ui/controls';
export { SeverityBadge } from '@/app/_ui/severity-badge';

const STATUS_CLASS: Record<TStatus, string> = {
  investigating: 'text-sev2',
  identified: 'text-sev3',
  monitoring: 'text-users',
  resolved: 'text-ok',
};

export function StatusText({ status }: { status: TStatus }) {
  return <span className={`text-sm font-medium ${STATUS_CLASS[status]}`}>{status}</span>;
}

/** Field errors from an API answer or a zod parse, shown beside the form. */
export function FieldErrors({ errors }: { errors: { field: string; message: string }[] }) {
  if (errors.length === 0) return null;
  return (
    <ul role="alert" className="space-y-0.5 text-sm text-crit">
      {errors.map((e) => (
        <li key={`${e.field}:${e.message}`}>
          <span className="font-mono">{e.field}</span>: {e.message}
        </li>
      ))}
    </ul>
  );
}

export function timeOf(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
