'use client';

import { useEffect, useRef } from 'react';
import { Chart, Filler, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import type { TChartPoint } from '@/lib/series';
import { type TChartToken, useChartColors, withAlpha } from '@/app/_components/chart-colors';

// Only what a sparkline draws: no tooltip (nothing may need hover on a phone), no legend, no axes.
Chart.register(LineController, LineElement, PointElement, LinearScale, Filler);

export interface TSparkLine {
  /** a theme token (app/globals.css) */
  color: TChartToken;
  points: TChartPoint[];
  /** plotted on its own scale, so a small series is not flattened by a big one */
  axis: 'a' | 'b';
}

const toXY = (points: TChartPoint[]) => points.map(([x, y]) => ({ x, y }));

/**
 * A compact trend line. Loaded by ./sparkline.tsx only after first paint, so
 * Chart.js never delays the numbers. One Chart instance per canvas:
 * new data calls update('none'), unmount calls destroy().
 */
export default function SparklineChart({ lines }: { lines: TSparkLine[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'line', { x: number; y: number }[]> | null>(null);
  const colors = useChartColors();

  useEffect(() => {
    if (!canvas.current) return;
    let c: Chart<'line', { x: number; y: number }[]>;
    try {
      c = new Chart<'line', { x: number; y: number }[]>(canvas.current, {
        type: 'line',
        data: { datasets: [] },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          parsing: false,
          normalized: true,
          events: [],
          plugins: { legend: { display: false }, tooltip: { enabled: false } },
          layout: { padding: 2 },
          scales: {
            // bounds 'data': the line spans the whole box instead of stopping at rounded tick values.
            x: { type: 'linear', bounds: 'data', display: false },
            a: { type: 'linear', axis: 'y', bounds: 'data', display: false },
            b: { type: 'linear', axis: 'y', bounds: 'data', display: false },
          },
        },
      });
    } catch (err) {
      // A trend line is decoration next to the numbers: never let it take the page down.
      console.error('sparkline:', err);
      return;
    }
    chart.current = c;
    return () => {
      c.destroy();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.datasets = lines.map((l) => ({
      data: toXY(l.points),
      borderColor: colors[l.color],
      backgroundColor: withAlpha(colors[l.color], '22'),
      borderWidth: 2,
      pointRadius: 0,
      tension: 0.2,
      fill: l.axis === 'a' ? 'origin' : false,
      yAxisID: l.axis,
    }));
    c.update('none');
  }, [lines, colors]);

  return <canvas ref={canvas} data-testid="sparkline-canvas" aria-hidden />;
}
