'use client';

import { SourceBadge } from '@/app/_components/source-badge';
import { formatAge, type TIncidentSource } from '@/lib/incidents';
import { PANEL, timeOf } from '../_components/ui';

/**
 * Where an automatic incident came from: the signal, a link to look at,
 * first and last seen (with their age on the server clock) and how many
 * times it fired. An incident the signal has since moved past keeps its name only.
 */
export function SourcePanel({ source: s, now }: { source: TIncidentSource; now: number }) {
  const seen = (iso: string | null) => (iso ? `${timeOf(iso)} (${formatAge(now - Date.parse(iso))} ago)` : '–');
  return (
    <section className={`${PANEL} space-y-2 p-3 text-sm`} data-testid="source-panel" data-kind={s.kind}>
      <h2 className="font-semibold">Opened by a signal</h2>
      <SourceBadge source={s} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-dim">key</dt>
        <dd className="truncate font-mono text-xs" title={s.key}>{s.key}</dd>
        {s.url && (
          <>
            <dt className="text-dim">link</dt>
            <dd className="truncate">
              <a href={s.url} target="_blank" rel="noreferrer noopener" className="underline" data-testid="source-link">{s.url}</a>
            </dd>
          </>
        )}
        {s.state ? (
          <>
            <dt className="text-dim">now</dt>
            <dd className={s.state === 'firing' ? 'text-crit' : 'text-ok'} data-testid="source-state">{s.state === 'firing' ? 'firing' : 'recovered'}</dd>
            <dt className="text-dim">first seen</dt>
            <dd className="tabular">{seen(s.firstSeenAt)}</dd>
            <dt className="text-dim">last seen</dt>
            <dd className="tabular">{seen(s.lastSeenAt)}</dd>
            <dt className="text-dim">fired</dt>
            <dd className="tabular" data-testid="source-fired">{s.fireCount} {s.fireCount === 1 ? 'time' : 'times'}</dd>
          </>
        ) : (
          <dd className="col-span-2 text-dim">The signal has opened a newer incident since; counts are kept there.</dd>
        )}
      </dl>
      <p className="text-xs text-dim">Recovery moves the incident to monitoring; people resolve it.</p>
    </section>
  );
}
