import type { TConnection } from '@/lib/client/use-room-live';

const STYLE: Record<TConnection, { text: string; dot: string }> = {
  connecting: { text: 'connecting', dot: 'bg-warn' },
  live: { text: 'live', dot: 'bg-ok' },
  reconnecting: { text: 'reconnecting', dot: 'bg-warn animate-pulse' },
  offline: { text: 'offline', dot: 'bg-crit' },
};

/** Says plainly whether the numbers are live: a phone back from sleep shows "reconnecting" until it has caught up. */
export function LiveDot({ connection }: { connection: TConnection }) {
  const s = STYLE[connection];
  return (
    <span data-testid="connection" data-state={connection} role="status" className="flex items-center gap-1.5 text-sm text-dim">
      <span className={`inline-block size-2.5 rounded-full ${s.dot}`} aria-hidden />
      {s.text}
    </span>
  );
}
