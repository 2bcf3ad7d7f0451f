'use client';

import { useEffect, useRef, useState } from 'react';
import { countUpValue, isSettled, retarget, startCountUp, type TCountUp } from '@/lib/wall/count-up';

/**
 * A number that glides to each new sample (lib/wall/count-up.ts): samples
 * older than the current target are ignored, so late pushes never pull it
 * back, and one more than `maxGapMs` newer is jumped to (after a gap the
 * glide would pass through numbers no longer current). Animates with
 * requestAnimationFrame only while moving.
 */
export function useCountUp(value: number | undefined, time: number | undefined, maxGapMs: number): number | undefined {
  const state = useRef<TCountUp | null>(null);
  const [shown, setShown] = useState<number | undefined>(value);

  useEffect(() => {
    if (value === undefined || time === undefined) return;
    const now = performance.now();
    state.current = state.current ? retarget(state.current, value, time, now, maxGapMs) : startCountUp(value, time, now);
    let frame = 0;
    const step = () => {
      const s = state.current!;
      const t = performance.now();
      setShown(countUpValue(s, t));
      if (!isSettled(s, t)) frame = requestAnimationFrame(step);
    };
    step();
    return () => cancelAnimationFrame(frame);
  }, [value, time, maxGapMs]);

  return shown;
}
