'use client';

import { useEffect, useState, type ComponentType } from 'react';
import type { TSparkLine } from './sparkline-chart';

type TChartComponent = ComponentType<{ lines: TSparkLine[] }>;

/**
 * Runs `fn` once the page has loaded and painted and the browser has a moment
 * to spare: the chart's code then never competes with the numbers, or with
 * hydration, for a slow phone's CPU.
 */
function afterFirstPaint(fn: () => void): () => void {
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  const schedule = () => {
    // A frame callback runs before the next paint; a task queued from it runs after.
    frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(fn, { timeout: 3000 });
        else fn();
      }, 0);
    });
  };
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, { once: true });
  return () => {
    window.removeEventListener('load', schedule);
    if (frame !== undefined) cancelAnimationFrame(frame);
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
    <figure
      className={`relative ${className ?? ''}`}
      data-testid="sparkline"
      data-loaded={Chart ? 'true' : 'false'}
      role="img"
      aria-label={summary}
    >
      {/* Chart.js sizes the canvas to a dedicated, relatively positioned parent. */}
      <div className="relative h-full w-full">{Chart ? <Chart lines={lines} /> : null}</div>
    </figure>
  );
}
