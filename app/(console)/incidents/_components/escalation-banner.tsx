'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useSyncExternalStore } from 'react';
import type { TIncidentDto } from '@/lib/api/incidents';
import { useEscalationAlerts } from '@/lib/client/use-incidents-escalations';
import { SeverityBadge } from '@/app/_ui/severity-badge';

/** The newest copy of an incident any live query of this tab holds (lists and details move on with every push). */
function useCurrentIncident(pushed: TIncidentDto): TIncidentDto {
  const qc = useQueryClient();
  const cache = qc.getQueryCache();
  const pick = () => {
    let best = pushed;
    for (const [, data] of qc.getQueriesData<unknown>({ queryKey: ['room'] })) {
      const list = Array.isArray(data) ? data : [data];
      for (const x of list as (TIncidentDto | undefined)[])
        if (x && typeof x === 'object' && x.id === pushed.id && x.version > best.version) best = x;
    }
    return best;
  };
  return useSyncExternalStore(
    (on) => cache.subscribe(on),
    pick,
    () => pushed,
  );
}

/** "You were pulled in": escalations to me, shown once by the console layout at the foot of any page. */
export function EscalationBanner() {
  const { alerts, dismiss } = useEscalationAlerts();
  if (alerts.length === 0) return null;
  // At the foot of the screen: the navigation stays usable while it shows.
  return (
    <div role="alert" aria-live="assertive" className="fixed inset-x-0 bottom-0 z-50 space-y-1 p-2" data-testid="escalation-banner">
      {alerts.map(({ incident, entry }) => (
        <EscalationLine key={entry.id} pushed={incident} entry={entry} dismiss={dismiss} />
      ))}
    </div>
  );
}

function EscalationLine({
  pushed,
  entry,
  dismiss,
}: {
  pushed: TIncidentDto;
  entry: ReturnType<typeof useEscalationAlerts>['alerts'][number]['entry'];
  dismiss: (id: string) => void;
}) {
  const t = useTranslations('escalation');
  // Its severity as it is now, not as it was when the lead was pulled in.
  const i = useCurrentIncident(pushed);
  return (
    <div className="mx-auto flex max-w-3xl items-center gap-2 rounded-md border-2 border-sev1 bg-panel px-3 py-2 shadow-lg">
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
  );
}
