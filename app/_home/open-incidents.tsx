import Link from 'next/link';
import { formatDuration } from '@/lib/format/duration';
import { unclaimedFor } from '@/lib/format/state-words';
import type { TLocale } from '@/lib/format/number';
import { compareBySeverityThenAge, needsOwner, SEVERITIES } from '@/lib/incidents';
import type { TIncidentDto } from '@/lib/api/incidents';
import { SEVERITY_CLASS } from '@/app/_ui/controls';
import type { THomeLabels } from './labels';
import { SourceBadge } from '@/app/_components/source-badge';

/**
 * Open incidents, most severe and oldest first, each a full-width row to tap
 * (≥ 44 px) that opens its timeline. Above them, the count per severity.
 */
export function OpenIncidents(props: {
  incidents: TIncidentDto[] | undefined;
  now: number | null;
  locale: TLocale;
  t: THomeLabels;
  error?: string | null;
}) {
  const { t, locale, now } = props;
  const open = (props.incidents ?? []).filter((i) => i.status !== 'resolved').sort(compareBySeverityThenAge);
  const counts = SEVERITIES.map((s) => [s, open.filter((i) => i.severity === s).length] as const);

  return (
    <section aria-labelledby="open-incidents-h" className="rounded-xl border border-edge bg-panel p-3">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="open-incidents-h" className="text-base font-semibold">
          {t.incidents}{' '}
          <span className="tabular text-dim" data-testid="open-count">
            {props.incidents ? open.length : '…'}
          </span>
        </h2>
      </div>
      <ul className="mt-2 flex flex-wrap gap-1.5" aria-label={t.bySeverity} data-testid="severity-counts">
        {counts.map(([sev, n]) => (
          <li
            key={sev}
            data-severity={sev}
            className={`tabular rounded-md px-2 py-0.5 text-sm font-semibold ${n > 0 ? SEVERITY_CLASS[sev] : 'border border-edge text-dim'}`}
          >
            {sev} {n}
          </li>
        ))}
      </ul>
      {props.error ? <p className="mt-2 text-sm text-crit">{props.error}</p> : null}
      {props.incidents && open.length === 0 ? <p className="mt-3 text-sm text-dim">{t.noIncidents}</p> : null}
      <ul className="mt-2 divide-y divide-edge" data-testid="incident-list">
        {open.map((i) => {
          const unowned = needsOwner(i);
          const age = now === null ? null : formatDuration(now - Date.parse(i.createdAt), locale);
          const owned = now === null || !i.claimedAt ? null : formatDuration(now - Date.parse(i.claimedAt), locale);
          return (
            <li key={i.id}>
              <Link
                href={`/incidents/${i.number}`}
                data-testid="incident-row"
                data-number={i.number}
                className="flex min-h-14 items-center gap-3 py-2 active:bg-edge/50"
              >
                <span className={`shrink-0 rounded-md px-1.5 py-0.5 text-xs font-bold ${SEVERITY_CLASS[i.severity]}`}>{i.severity}</span>
                <span className="min-w-0 flex-1">
                  <span className="line-clamp-2 font-medium [overflow-wrap:anywhere]" data-testid="incident-title">
                    <span className="tabular text-dim">#{i.number}</span> {i.title}
                  </span>
                  <span className="block truncate text-sm text-dim">
                    {i.owner ? (
                      <span className="text-ink" data-testid="incident-owner">
                        {i.owner.name}
                        {owned ? (
                          <span className="text-dim">
                            {' '}
                            · {t.ownedFor} {owned}
                          </span>
                        ) : null}
                      </span>
                    ) : (
                      // How long it has waited for an owner: the same span as "open", so said once.
                      <span className={unowned ? 'font-semibold text-sev1' : ''} data-testid="incident-owner">
                        {now === null ? t.unowned : unclaimedFor(now - Date.parse(i.unownedSince ?? i.createdAt), locale)}
                      </span>
                    )}
                    {age && i.owner ? ` · ${t.open} ${age}` : null}
                  </span>
                  {i.source ? <SourceBadge source={i.source} locale={locale} className="mt-0.5 text-xs" /> : null}
                </span>
                <span aria-hidden className="shrink-0 text-dim">
                  ›
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
