import type { TSeverity, TStatus } from '@/lib/incidents';

export const BUTTON = 'inline-flex min-h-11 md:min-h-9 items-center justify-center gap-1 rounded-md border border-edge px-3 text-sm font-medium hover:bg-panel disabled:opacity-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-users';
export const PRIMARY = 'inline-flex min-h-11 md:min-h-9 items-center justify-center gap-1 rounded-md bg-users px-3 text-sm font-semibold text-bg hover:brightness-110 disabled:opacity-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ink';
export const INPUT = 'min-h-11 md:min-h-9 min-w-0 rounded-md border border-edge bg-bg px-2 text-sm text-ink placeholder:text-dim focus:border-users focus:outline-none';
export const PANEL = 'rounded-lg border border-edge bg-panel';

const SEV_CLASS: Record<TSeverity, string> = {
  SEV1: 'bg-sev1 text-bg',
  SEV2: 'bg-sev2 text-bg',
  SEV3: 'bg-sev3 text-bg',
  SEV4: 'bg-sev4 text-bg',
};

export function SeverityBadge({ severity }: { severity: TSeverity }) {
  return <span className={`inline-block rounded px-1.5 py-0.5 font-mono text-xs font-bold ${SEV_CLASS[severity]}`}>{severity}</span>;
}

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
