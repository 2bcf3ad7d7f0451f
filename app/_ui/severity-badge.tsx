import type { TSeverity } from '@/lib/incidents';
import { SEVERITY_CLASS } from './controls';

/** "SEV1" on its severity's colour: the same badge on the console, the phone and the wall. */
export function SeverityBadge({ severity, className = 'px-1.5 py-0.5 text-xs' }: { severity: TSeverity; className?: string }) {
  return <span className={`inline-block rounded font-mono font-bold ${SEVERITY_CLASS[severity]} ${className}`}>{severity}</span>;
}
