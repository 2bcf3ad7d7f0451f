import type { TCapacityView } from '@/lib/capacity/view';

const LEVEL_CLASS: Record<TCapacityView['level'], string> = {
  ok: 'border-ok/60 text-ok',
  warn: 'border-warn text-warn',
  crit: 'border-crit bg-crit/15 text-crit',
  none: 'border-edge text-dim',
};

/**
 * Capacity headroom in one line ("pool 72 % · full in ~38 min · N+1 in
 * ~21 min"), coloured by the lead time; stale like every value (struck
 * through, dimmed, "stale 2 min"). Nothing when the room has no model.
 */
export function CapacityLine({ view, className = '' }: { view: TCapacityView | null; className?: string }) {
  if (!view) return null;
  const cls = view.stale ? 'border-dashed border-dim text-dim' : LEVEL_CLASS[view.level];
  return (
    <span
      data-testid="capacity-line"
      data-level={view.level}
      data-stale={view.stale ? 'yes' : 'no'}
      className={`inline-flex min-w-0 items-center gap-[0.6em] truncate rounded border px-[0.5em] tabular ${cls} ${className}`}
    >
      <span className={`truncate ${view.stale ? 'line-through' : ''}`}>{view.text}</span>
      {view.staleText ? <span className="shrink-0 text-warn no-underline">{view.staleText}</span> : null}
    </span>
  );
}
