'use client';

import { useLayoutEffect, useRef, useState } from 'react';
import { countUpValue, isSettled, retarget, startCountUp, type TCountUp } from '@/lib/wall/count-up';

/**
 * A number that glides to each new sample (lib/wall/count-up.ts): samples
 * older than the current target are ignored, so late pushes never pull it
 * back, and one more than `maxGapMs` newer is jumped to (after a gap the
 * glide would pass through numbers no longer current). Animates with
 * requestAnimationFrame only while moving.
 *
 * Aimed in a layout effect, so the render that brings a new sample also draws
 * its first step before the browser paints: from an effect after the paint,
 * the screen showed for a moment the old number beside the new sample's fresh
 * time (its stale mark already gone), a number replaced seconds before as if
 * it were current (the wall soak caught one, 12 s old, on a live wall).
 */
export function useCountUp(value: number | undefined, time: number | undefined, maxGapMs: number): number | undefined {
  const state = useRef<TCountUp | null>(null);
  const [shown, setShown] = useState<number | undefined>(value);

  useLayoutEffect(() => {
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
