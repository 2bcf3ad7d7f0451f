'use client';

import { useEffect, useRef, useState } from 'react';
import type { TMilestone } from '@/lib/api/common';
import { formatTimeOfDay } from '@/lib/format/duration';
import { freshlyReached } from '@/lib/wall/milestones';
import type { TWallLabels } from './labels';

/** How long a crossing is celebrated, and how old one may be to still count as news. */
const SHOW_MS = 12_000;
const FRESH_MS = 120_000;

/**
 * A brief banner when a milestone is crossed (its reachedAt, recorded by the
 * server, is fresh on the server's clock). It sits over the chart, never over
 * the numbers, and each milestone is celebrated once per screen.
 */
export function Celebration({ milestones, now, timeZone, t }: { milestones: TMilestone[]; now: number | null; timeZone: string; t: TWallLabels }) {
  const celebrated = useRef(new Set<string>());
  const [current, setCurrent] = useState<{ m: TMilestone; until: number } | null>(null);

  useEffect(() => {
    if (now === null) return;
    const fresh = freshlyReached(milestones, now, FRESH_MS).filter((m) => !celebrated.current.has(m.id));
    if (fresh.length > 0) {
      const top = fresh.reduce((a, b) => (b.threshold > a.threshold ? b : a));
      for (const m of fresh) celebrated.current.add(m.id);
      setCurrent({ m: top, until: now + SHOW_MS });
    } else if (current && now > current.until) {
      setCurrent(null);
    }
  }, [milestones, now, current]);

  if (!current) return null;
  return (
    <div
      data-testid="celebration"
      role="status"
      className="pointer-events-none absolute left-1/2 top-[2vh] z-10 -translate-x-1/2 animate-[pulse_2s_ease-in-out_3] rounded-[1.2vh] border-2 border-users bg-bg/90 px-[4vh] py-[1.5vh] text-center shadow-[0_0_6vh_rgba(76,194,255,0.35)]"
    >
      <div className="text-[2.2vh] uppercase tracking-[0.3em] text-users">{t.celebrate}</div>
      <div className="text-[5.5vh] font-bold leading-tight text-ink">{current.m.label}</div>
      {current.m.reachedAt ? (
        <div className="tabular text-[2.4vh] text-dim">
          {t.reached} {formatTimeOfDay(Date.parse(current.m.reachedAt), timeZone, true)}
        </div>
      ) : null}
    </div>
  );
}
