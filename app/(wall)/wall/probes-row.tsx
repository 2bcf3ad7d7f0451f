'use client';

import { PROBE_LABELS } from '@/app/_components/probe-labels';
import { isProbeStale, type TProbeList } from '@/lib/client/use-probes';
import { formatDuration } from '@/lib/format/duration';
import { probeReasonIn } from '@/lib/format/probe-reason';
import type { TLocale } from '@/lib/format/number';
import type { TProbe } from '@/lib/api/signals';

const MAX_DOWN = 4;
const MAX_CHIPS = 16;

/** When the probe went down: the first failure of the current failing run in its recent results. */
function downSince(p: TProbe): number | null {
  let since: string | null = null;
  for (let i = p.recent.length - 1; i >= 0 && !p.recent[i]!.ok; i--) since = p.recent[i]!.at;
  return since ? Date.parse(since) : null;
}

/**
 * The room's probes on the wall: those down large and red with their reason
 * and how long, the rest one compact row of chips. Nothing at all when the
 * room has no probes. A probe not checked for a while says so instead of
 * showing its last state as current.
 */
export function ProbesRow({ list, now, locale }: { list: TProbeList | undefined; now: number | null; locale: TLocale }) {
  const t = PROBE_LABELS[locale];
  if (!list || list.probes.length === 0) return null;
  const serverNow = now ?? list.serverTime;
  const down = list.probes.filter((p) => p.state === 'down');
  const others = list.probes.filter((p) => p.state !== 'down');
  return (
    <section data-testid="wall-probes" className="flex min-h-0 flex-col gap-[0.8vh] overflow-hidden">
      {down.length > 0 ? (
        <div className="flex gap-[1vh]">
          {down.slice(0, MAX_DOWN).map((p) => {
            const since = downSince(p);
            return (
              <div
                key={p.id}
                data-testid="wall-probe-down"
                data-probe={p.name}
                className="flex min-w-0 flex-1 basis-0 items-center gap-[1.2vh] rounded-[0.8vh] border-[0.3vh] border-crit bg-crit/20 px-[1.4vh] py-[0.8vh]"
              >
                <span className="shrink-0 rounded-[0.4vh] bg-crit px-[0.8vh] text-[2.2vh] font-bold text-bg">{t.down}</span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-[2.6vh] font-bold">{p.name}</span>
                  <span className="block truncate text-[1.8vh] text-ink/80">
                    {p.lastError ? probeReasonIn(p.lastError, locale) : ''}
                    {since !== null ? ` · ${t.downFor} ${formatDuration(serverNow - since, locale)}` : ''}
                    {p.incident ? ` · #${p.incident.number}` : ''}
                  </span>
                </span>
              </div>
            );
          })}
          {down.length > MAX_DOWN ? (
            <div className="flex items-center text-[2.2vh] font-bold text-crit">+{down.length - MAX_DOWN}</div>
          ) : null}
        </div>
      ) : null}
      {others.length > 0 ? (
        <div className="flex items-center gap-[0.8vh] overflow-hidden text-[1.8vh]">
          <span className="shrink-0 pr-[0.5vh] uppercase tracking-wide text-dim">{t.probes}</span>
          {others.slice(0, MAX_CHIPS).map((p) => {
            const stale = isProbeStale(p, serverNow);
            const cls = stale || p.state === 'paused' || p.state === 'pending' ? 'border-edge text-dim' : 'border-ok/60 text-ink';
            return (
              <span
                key={p.id}
                data-testid="wall-probe"
                data-probe={p.name}
                data-state={stale ? 'stale' : p.state}
                className={`flex shrink-0 items-center gap-[0.5vh] rounded-[0.6vh] border px-[0.8vh] ${cls}`}
              >
                <span
                  aria-hidden
                  className={`inline-block h-[1.1vh] w-[1.1vh] rounded-full ${p.state === 'up' && !stale ? 'bg-ok' : 'bg-dim'}`}
                />
                <span className="max-w-[18vh] truncate">{p.name}</span>
                <span className="tabular text-dim">
                  {stale && p.lastCheckedAt
                    ? `${t.stale} ${formatDuration(serverNow - Date.parse(p.lastCheckedAt), locale)}`
                    : p.state === 'up'
                      ? `${p.lastLatencyMs ?? '–'} ms`
                      : t[p.state === 'paused' ? 'paused' : 'pending']}
                </span>
              </span>
            );
          })}
          {others.length > MAX_CHIPS ? <span className="text-dim">+{others.length - MAX_CHIPS}</span> : null}
        </div>
      ) : null}
    </section>
  );
}
