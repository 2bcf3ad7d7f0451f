import { formatCountdown } from '@/lib/wall/countdown';

/** `T-05:00` until the room's go-live time, then `T+00:12:34` (time since go-live, in the panel's quiet colours), on the server's clock. */
export function Countdown({ goLiveAt, now }: { goLiveAt: string | null; now: number | null }) {
  if (!goLiveAt || now === null) return null;
  const { phase, text } = formatCountdown(Date.parse(goLiveAt), now);
  return (
    <span
      data-testid="countdown"
      data-phase={phase}
      className={`tabular shrink-0 whitespace-nowrap rounded-[0.6vh] px-[1.2vh] py-[0.2vh] font-semibold ${phase === 'live' ? 'bg-edge/60 text-ink' : 'bg-warn/15 text-warn'}`}
    >
      {text}
    </span>
  );
}
