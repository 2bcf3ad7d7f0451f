'use client';

import { useEffect, useState, type ComponentType } from 'react';
import type { TSparkLine } from './sparkline-chart';

type TChartComponent = ComponentType<{ lines: TSparkLine[] }>;

/** Runs `fn` once the browser has painted and has a moment to spare. */
function afterFirstPaint(fn: () => void): () => void {
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A frame callback runs before the paint; a task queued from it runs after.
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(fn, { timeout: 1500 });
      else fn();
    }, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}

/**
 * The compact trend line of the summary. Chart.js (about 60 kB gzipped) is
 * imported only after first paint: on a slow phone connection the numbers
 * come first and the line fills in its reserved box later, without shifting
 * anything. `summary` is the line's meaning in words, for screen readers.
 */
export function Sparkline({ lines, summary, className }: { lines: TSparkLine[]; summary: string; className?: string }) {
  const [Chart, setChart] = useState<TChartComponent | null>(null);

  useEffect(() => {
    let cancelled = false;
    const cancel = afterFirstPaint(() => {
      void import('./sparkline-chart').then((m) => {
        if (!cancelled) setChart(() => m.default);
      });
    });
    return () => {
      cancelled = true;
      cancel();
    };
  }, []);

  return (
    <figure className={`relative ${className ?? ''}`} data-testid="sparkline" data-loaded={Chart ? 'true' : 'false'} role="img" aria-label={summary}>
      {/* Chart.js sizes the canvas to a dedicated, relatively positioned parent. */}
      <div className="relative h-full w-full">{Chart ? <Chart lines={lines} /> : null}</div>
    </figure>
  );
}
