import { PROBE_LABELS } from '@/app/_components/probe-labels';
import { isProbeStale, type TProbeList } from '@/lib/client/use-probes';
import { formatDuration } from '@/lib/format/duration';
import { formatSince, probeStateSince } from '@/lib/format/since';
import { probeReasonIn } from '@/lib/format/probe-reason';
import type { TLocale } from '@/lib/format/number';

/**
 * Probes that are down, for the manager's phone: each with its reason and
 * the incident it opened. When every probe is up, one quiet line says so;
 * with no probes, nothing.
 */
export function DownProbes({ list, locale, now }: { list: TProbeList | undefined; locale: TLocale; now: number | null }) {
  const t = PROBE_LABELS[locale];
  if (!list || list.probes.length === 0) return null;
  const down = list.probes.filter((p) => p.state === 'down');
  if (down.length === 0) {
    return (
      <p className="text-sm text-dim" data-testid="probes-all-up">
        {t.probes}: <span className="text-ok">{t.allUp}</span> ({list.probes.length})
      </p>
    );
  }
  return (
    <section aria-labelledby="down-probes-h" className="rounded-xl border-2 border-crit bg-crit/10 p-3" data-testid="down-probes">
      <h2 id="down-probes-h" className="text-base font-semibold text-crit">
        {t.probesDown} <span className="tabular">{down.length}</span>
      </h2>
      <ul className="mt-1 divide-y divide-edge">
        {down.map((p) => (
          <li key={p.id} data-testid="down-probe" data-probe={p.name} className="py-1.5">
            <span className="block truncate font-medium">
              {p.name}
              {p.incident ? <span className="tabular text-dim"> · #{p.incident.number}</span> : null}
            </span>
            <span className="block truncate text-sm text-dim">
              {p.lastError ? probeReasonIn(p.lastError, locale) : ''}
              {formatSince(probeStateSince(p), now, locale) !== null ? (
                <span data-testid="probe-down-for">
                  {' '}
                  · {t.downFor} {formatSince(probeStateSince(p), now, locale)}
                </span>
              ) : null}
              {now !== null && p.lastCheckedAt && isProbeStale(p, now) ? (
                <span className="text-warn" data-testid="probe-stale">
                  {' '}
                  · {t.stale} {formatDuration(now - Date.parse(p.lastCheckedAt), locale)}
                </span>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
