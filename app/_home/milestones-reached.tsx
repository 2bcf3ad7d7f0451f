import { formatTimeOfDay } from '@/lib/format/time';
import { formatCompact, type TLocale } from '@/lib/format/number';
import type { TMilestone } from '@/lib/api/common';
import type { THomeLabels } from './labels';

/** Milestones already crossed, newest first, with the time on the room's clock. */
export function MilestonesReached(props: { milestones: TMilestone[]; timeZone: string; locale: TLocale; t: THomeLabels }) {
  const reached = props.milestones.filter((m) => m.reachedAt).sort((a, b) => Date.parse(b.reachedAt!) - Date.parse(a.reachedAt!));
  return (
    <section aria-labelledby="milestones-h" className="rounded-xl border border-edge bg-panel p-3">
      <h2 id="milestones-h" className="text-base font-semibold">
        {props.t.milestones}
      </h2>
      {reached.length === 0 ? <p className="mt-1 text-sm text-dim">{props.t.noMilestones}</p> : null}
      <ul className="mt-1" data-testid="milestones">
        {reached.map((m) => (
          <li key={m.id} className="flex items-baseline justify-between gap-3 py-1">
            <span className="min-w-0 truncate">{m.label || formatCompact(m.threshold, props.locale)}</span>
            <time className="tabular shrink-0 text-sm text-dim" dateTime={m.reachedAt!}>
              {formatTimeOfDay(Date.parse(m.reachedAt!), props.timeZone)}
            </time>
          </li>
        ))}
      </ul>
    </section>
  );
}
