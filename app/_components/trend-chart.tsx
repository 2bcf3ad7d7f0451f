'use client';

import { useEffect, useRef } from 'react';
import {
  Chart,
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  Filler,
  Tooltip,
  type ChartDataset,
} from 'chart.js';
import { formatCompact, type TLocale } from '@/lib/format/number';
import type { TChartPoint } from '@/lib/series';

Chart.register(LineController, LineElement, PointElement, LinearScale, Filler, Tooltip);

export interface TTrendLine {
  label: string;
  color: string;
  points: TChartPoint[];
  /** plotted against the right-hand axis */
  right?: boolean;
}

function toXY(points: TChartPoint[]) {
  return points.map(([x, y]) => ({ x, y }));
}

function timeLabel(ms: number, timeZone: string) {
  return new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone });
}

/**
 * One Chart.js instance per canvas, kept in a ref: new data calls update()
 * (no re-creation, no animation), unmount calls destroy().
 */
export function TrendChart({ lines, locale, timeZone = 'UTC', className }: { lines: TTrendLine[]; locale: TLocale; timeZone?: string; className?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'line', { x: number; y: number }[]> | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const c = new Chart<'line', { x: number; y: number }[]>(canvas.current, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', intersect: false },
        plugins: { legend: { display: false }, tooltip: { enabled: true } },
        scales: {
          x: {
            type: 'linear',
            ticks: { color: '#8b98a5', maxTicksLimit: 8, callback: (v) => timeLabel(Number(v), timeZone) },
            grid: { color: '#1b2430' },
          },
          y: { position: 'left', ticks: { color: '#4cc2ff', callback: (v) => formatCompact(Number(v), locale) }, grid: { color: '#1b2430' } },
          y2: { position: 'right', ticks: { color: '#7ee787', callback: (v) => formatCompact(Number(v), locale) }, grid: { display: false } },
        },
      },
    });
    chart.current = c;
    return () => {
      c.destroy();
      chart.current = null;
    };
  }, [locale, timeZone]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.datasets = lines.map(
      (l): ChartDataset<'line', { x: number; y: number }[]> => ({
        label: l.label,
        data: toXY(l.points),
        borderColor: l.color,
        backgroundColor: l.color + '22',
        borderWidth: 3,
        pointRadius: 0,
        tension: 0.2,
        fill: false,
        yAxisID: l.right ? 'y2' : 'y',
      }),
    );
    c.update('none');
  }, [lines]);

  return (
    <div className={className}>
      <canvas ref={canvas} role="img" aria-label={lines.map((l) => l.label).join(' and ') + ' over time'} />
    </div>
  );
}
