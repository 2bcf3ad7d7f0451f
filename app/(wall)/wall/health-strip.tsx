import { formatCompact, formatPercent, type TLocale } from '@/lib/format/number';
import type { THealthState, TServerHealth } from '@/lib/wall/health';
import type { TWallLabels } from './labels';

const STATE: Record<THealthState, { box: string; dot: string }> = {
  healthy: { box: 'border-edge', dot: 'bg-ok' },
  warning: { box: 'border-warn bg-warn/10', dot: 'bg-warn' },
  critical: { box: 'border-crit bg-crit/15', dot: 'bg-crit animate-pulse' },
};

/** Short names for the usual health series, so a chip stays one line. */
const SHORT: Record<string, string> = { cpu_ratio: 'cpu', mem_ratio: 'mem', memory_ratio: 'mem', error_ratio: 'err', connections: 'conn', disk_ratio: 'disk' };
const MAX_CHIPS = 14;
const METRICS_PER_CHIP = 2;

function formatMetric(name: string, value: number, locale: TLocale): string {
  return name.endsWith('_ratio') ? formatPercent(value, locale) : formatCompact(value, locale);
}

/**
 * Every server's state against the room's safety lines, worst first. Shows
 * what fits without scrolling; the rest are summed up as "+N".
 */
export function HealthStrip({ servers, locale, t }: { servers: TServerHealth[]; locale: TLocale; t: TWallLabels }) {
  const shown = servers.slice(0, MAX_CHIPS);
  const rest = servers.length - shown.length;
  return (
    <section data-testid="health" className="flex min-h-0 items-stretch gap-[1vh] overflow-hidden">
      <div className="flex shrink-0 items-center pr-[0.5vh] text-[2vh] uppercase tracking-wide text-dim">{t.servers}</div>
      {servers.length === 0 ? <div className="flex items-center text-[2vh] text-dim">{t.noServers}</div> : null}
      {shown.map((s) => (
        <div
          key={s.server}
          data-testid="server"
          data-server={s.server}
          data-state={s.state}
          className={`flex min-w-0 flex-1 basis-0 flex-col justify-center overflow-hidden rounded-[0.8vh] border px-[1.2vh] py-[0.6vh] ${STATE[s.state].box}`}
        >
          <div className="flex items-center gap-[0.7vh] text-[2vh] font-semibold">
            <span className={`inline-block h-[1.3vh] w-[1.3vh] shrink-0 rounded-full ${STATE[s.state].dot}`} aria-hidden />
            <span className="truncate">{s.server}</span>
          </div>
          <div className="tabular flex flex-col whitespace-nowrap text-[1.7vh] leading-tight text-dim">
            {s.metrics.slice(0, METRICS_PER_CHIP).map((m) => (
              <span key={m.name} className={`truncate ${m.state === 'critical' ? 'font-semibold text-crit' : m.state === 'warning' ? 'text-warn' : ''}`}>
                {SHORT[m.name] ?? m.name} {formatMetric(m.name, m.value, locale)}
              </span>
            ))}
          </div>
        </div>
      ))}
      {rest > 0 ? (
        <div className="flex items-center text-[2vh] text-dim">
          +{rest} {t.more}
        </div>
      ) : null}
    </section>
  );
}
