'use client';

import { useEffect, useRef, useState } from 'react';
import type { TMilestone } from '@/lib/api/common';
import { crossedLive } from '@/lib/wall/milestones';
import type { TWallLabels } from './labels';

/** How long a crossing is celebrated. */
const SHOW_MS = 12_000;

/**
 * A brief banner when this screen sees a milestone crossed live: the value it
 * showed was below the threshold, and the new one is at or above it. Opening
 * the wall after a crossing, or a first point that lands above a milestone,
 * celebrates nothing. It sits over the chart, never over the numbers.
 */
export function Celebration({
  milestones,
  values,
  t,
}: {
  milestones: TMilestone[];
  values: Record<string, number | undefined>;
  t: TWallLabels;
}) {
  const seen = useRef<Record<string, number | undefined>>({});
  const [current, setCurrent] = useState<TMilestone | null>(null);

  useEffect(() => {
    const crossed: TMilestone[] = [];
    for (const [series, value] of Object.entries(values)) {
      crossed.push(...crossedLive(milestones, series, seen.current[series], value));
      if (value !== undefined) seen.current[series] = value;
    }
    if (crossed.length === 0) return;
    setCurrent(crossed.reduce((a, b) => (b.threshold > a.threshold ? b : a)));
  }, [milestones, values]);

  useEffect(() => {
    if (!current) return;
    const id = setTimeout(() => setCurrent(null), SHOW_MS);
    return () => clearTimeout(id);
  }, [current]);

  if (!current) return null;
  return (
    <div
      data-testid="celebration"
      data-milestone={current.label}
      role="status"
      className="pointer-events-none absolute left-1/2 top-[2vh] z-10 max-w-[90%] -translate-x-1/2 animate-[pulse_2s_ease-in-out_3] rounded-[1.2vh] border-2 border-users bg-bg/90 px-[4vh] py-[1.5vh] text-center shadow-[0_0_6vh_rgba(76,194,255,0.35)]"
    >
      <div className="text-[2.2vh] uppercase tracking-[0.3em] text-users">{t.celebrate}</div>
      <div className="truncate text-[min(5.5vh,8vw)] font-bold leading-tight text-ink">{current.label}</div>
    </div>
  );
}
