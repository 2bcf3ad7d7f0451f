'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEscalationAlerts } from '@/lib/client/use-incidents-escalations';
import { SeverityBadge } from './ui';

/** "You were pulled in": escalations to me, shown once by the console layout on top of any page. */
export function EscalationBanner() {
  const t = useTranslations('escalation');
  const { alerts, dismiss } = useEscalationAlerts();
  if (alerts.length === 0) return null;
  return (
    <div role="alert" aria-live="assertive" className="fixed inset-x-0 top-0 z-50 space-y-1 p-2" data-testid="escalation-banner">
      {alerts.map(({ incident: i, entry }) => (
        <div
          key={entry.id}
          className="mx-auto flex max-w-3xl items-center gap-2 rounded-md border-2 border-sev1 bg-panel px-3 py-2 shadow-lg"
        >
          <SeverityBadge severity={i.severity} />
          <span className="flex-1 text-sm">
            <Link href={`/incidents/${i.number}`} className="underline">
              {t('line', { who: entry.authorName ?? '', incident: `#${i.number} ${i.title}` })}
            </Link>
            {entry.body && <span className="text-dim"> — {entry.body}</span>}
          </span>
          <button type="button" className="min-h-11 text-sm text-dim underline" onClick={() => dismiss(entry.id)}>
            {t('dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
