import type { TConnection } from '@/lib/client/use-room-live';

const STYLE: Record<TConnection, { text: string; dot: string }> = {
  connecting: { text: 'connecting', dot: 'bg-warn' },
  live: { text: 'live', dot: 'bg-ok' },
  reconnecting: { text: 'reconnecting', dot: 'bg-warn animate-pulse' },
  offline: { text: 'offline', dot: 'bg-crit' },
};

/** Says plainly whether the numbers on screen are live. */
export function ConnectionBadge({ connection }: { connection: TConnection }) {
  const s = STYLE[connection];
  return (
    <span data-testid="connection" data-state={connection} className="flex items-center gap-[0.8vh] uppercase tracking-wide">
      <span className={`inline-block h-[1.6vh] w-[1.6vh] rounded-full ${s.dot}`} aria-hidden />
      {s.text}
    </span>
  );
}
