import type { TLocale } from '@/lib/format/number';
import { dataStopped, STATE_VOCABULARY } from '@/lib/format/state-words';
import type { TFeedState } from '@/lib/wall/stale';

const LOOK: Record<TFeedState, { box: string; dot: string }> = {
  connecting: { box: 'text-dim', dot: 'bg-dim' },
  live: { box: 'text-ok', dot: 'bg-ok' },
  stale: { box: 'rounded-[0.6vh] bg-warn/20 px-[1vh] text-warn', dot: 'bg-warn' },
  reconnecting: { box: 'text-warn', dot: 'bg-warn animate-pulse' },
  offline: { box: 'rounded-[0.6vh] bg-crit/20 px-[1vh] text-crit', dot: 'bg-crit' },
};

/**
 * Says plainly whether the numbers on screen are live: never "live" while
 * the data has stopped; and whenever it has, for how long.
 */
export function ConnectionBadge({ state, staleMs, locale }: { state: TFeedState; staleMs: number | null; locale: TLocale }) {
  const look = LOOK[state];
  return (
    <span className="flex min-w-0 flex-wrap items-center justify-end gap-x-[1.4vh]">
      <span
        data-testid="connection"
        data-state={state}
        role="status"
        className={`flex shrink-0 items-center gap-[0.8vh] font-semibold uppercase tracking-wide ${look.box}`}
      >
        <span className={`inline-block h-[1.6vh] w-[1.6vh] rounded-full ${look.dot}`} aria-hidden />
        {STATE_VOCABULARY[locale][state]}
      </span>
      {staleMs !== null ? (
        <span data-testid="stale" className="whitespace-nowrap text-warn">
          {dataStopped(staleMs, locale)}
        </span>
      ) : null}
    </span>
  );
}
