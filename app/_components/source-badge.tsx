import type { TIncidentSource } from '@/lib/api/incidents';
import type { TLocale } from '@/lib/format/number';

/** What opened an incident, in the room's language. */
const SOURCE_LABELS = {
  en: { probe: 'probe', rule: 'rule', alertmanager: 'Alertmanager', webhook: 'webhook' },
  zh: { probe: '探测', rule: '规则', alertmanager: '告警', webhook: '回调' },
} satisfies Record<TLocale, Record<TIncidentSource['kind'], string>>;

const ICON: Record<TIncidentSource['kind'], string> = { probe: '◉', rule: '∿', alertmanager: '⚑', webhook: '↯' };

/**
 * A small badge saying which signal opened an incident ("◉ probe api-health"),
 * shared by the console, the wall and the phone. Nothing when a person did.
 */
export function SourceBadge({
  source,
  locale = 'en',
  className = '',
}: {
  source: Pick<TIncidentSource, 'kind' | 'name'> | null | undefined;
  locale?: TLocale;
  className?: string;
}) {
  if (!source) return null;
  return (
    <span
      data-testid="source-badge"
      data-kind={source.kind}
      title={`${SOURCE_LABELS[locale][source.kind]}: ${source.name}`}
      className={`inline-flex max-w-full shrink items-center gap-1 truncate rounded border border-users/60 px-1 text-users ${className}`}
    >
      <span aria-hidden>{ICON[source.kind]}</span>
      <span>{SOURCE_LABELS[locale][source.kind]}</span>
      <span className="truncate text-ink/80">{source.name}</span>
    </span>
  );
}
