import { formatDuration } from '@/lib/format/duration';
import type { TLocale } from '@/lib/format/number';
import type { TWallLabels } from './labels';

/** Says plainly that the numbers have not moved, and for how long. */
export function StaleBadge({ ageMs, locale, t }: { ageMs: number; locale: TLocale; t: TWallLabels }) {
  return (
    <span data-testid="stale" role="status" className="rounded-[0.6vh] bg-warn/20 px-[1.2vh] py-[0.2vh] font-semibold text-warn">
      {t.stale} {formatDuration(ageMs, locale)}
    </span>
  );
}
