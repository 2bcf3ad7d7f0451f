import type { TLocale } from '@/lib/format/number';
import { dataStopped, STATE_VOCABULARY } from '@/lib/format/state-words';
import type { TFeedState } from '@/lib/wall/stale';

const DOT: Record<TFeedState, string> = {
  connecting: 'bg-dim',
  live: 'bg-ok',
  stale: 'bg-warn',
  reconnecting: 'bg-warn animate-pulse',
  offline: 'bg-crit',
};
const TEXT: Record<TFeedState, string> = {
  connecting: 'text-dim',
  live: 'text-dim',
  stale: 'text-warn font-semibold',
  reconnecting: 'text-warn',
  offline: 'text-crit font-semibold',
};

/**
 * Says plainly whether the numbers are live, in the wall's words: a phone back
 * from sleep shows "reconnecting" until it has caught up, and never "live"
 * beside numbers that stopped ("stale · data stopped 3 min ago").
 */
export function LiveDot({ state, staleMs, locale }: { state: TFeedState; staleMs: number | null; locale: TLocale }) {
  return (
    <span className="flex min-w-0 items-center gap-2 text-sm">
      <span data-testid="connection" data-state={state} role="status" className={`flex shrink-0 items-center gap-1.5 ${TEXT[state]}`}>
        <span className={`inline-block size-2.5 rounded-full ${DOT[state]}`} aria-hidden />
        {STATE_VOCABULARY[locale][state]}
      </span>
      {staleMs !== null ? (
        <span data-testid="stale" className="truncate text-warn">
          {dataStopped(staleMs, locale)}
        </span>
      ) : null}
    </span>
  );
}
