'use client';

import { useEffect, useRef } from 'react';
import { Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import type { TCapacityAnswer } from '@/lib/api/capacity';
import type { TCapacityWords } from '@/lib/capacity/view';
import { formatTimeOfDay } from '@/lib/format/time';
import { formatAxis, type TLocale } from '@/lib/format/number';
import { fill } from '@/lib/i18n/fill';
import { tokenColor, withAlpha } from '@/app/_components/chart-colors';

Chart.register(LineController, LineElement, PointElement, LinearScale, Filler, Legend);

type TXY = { x: number; y: number };

const token = tokenColor;
const alpha = withAlpha;

/**
 * Load, its forecast with the band, and the pool's capacity, limit and N+1
 * limit on one chart. One Chart instance per canvas: new data calls
 * update('none'), unmount destroy().
 */
export default function CapacityChart({
  data,
  words,
  locale,
  stale,
}: {
  data: TCapacityAnswer;
  words: TCapacityWords;
  locale: TLocale;
  stale: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'line', TXY[]> | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const c = new Chart<'line', TXY[]>(canvas.current, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        events: [],
        plugins: {
          legend: {
            display: true,
            position: 'bottom',
            labels: { color: token('dim'), boxWidth: 12, filter: (i) => !i.text.startsWith('_') },
          },
          tooltip: { enabled: false },
        },
        scales: {
          x: {
            type: 'linear',
            bounds: 'data',
            ticks: { color: token('dim'), maxTicksLimit: 6, callback: (v) => formatTimeOfDay(Number(v), 'UTC') },
            grid: { color: alpha(token('edge'), '80') },
          },
          y: {
            type: 'linear',
            beginAtZero: false,
            ticks: { color: token('dim'), callback: (v, _i, ticks) => formatAxis(Number(v), locale, ticks) },
            grid: { color: alpha(token('edge'), '80') },
          },
        },
      },
    });
    chart.current = c;
    return () => {
      c.destroy();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    const c = chart.current;
    if (!c || !data.now) return;
    const online = token('online');
    const users = token('users');
    const crit = token('crit');
    const warn = token('warn');
    const dim = token('dim');
    const hist = data.history.map((p) => ({ x: Date.parse(p.time), y: p.value }));
    const fc = data.forecast.map((p) => ({ x: Date.parse(p.time), value: p.value, low: p.low, high: p.high }));
    const x0 = hist[0]?.x ?? fc[0]?.x ?? data.serverTime;
    const x1 = fc.at(-1)?.x ?? data.serverTime;
    const level = (y: number): TXY[] => [
      { x: x0, y },
      { x: x1, y },
    ];
    const pct = Math.round((data.model?.targetUtilization ?? 0) * 100);
    c.data.datasets = [
      { label: words.load, data: hist, borderColor: stale ? dim : online, borderWidth: 2, pointRadius: 0 },
      { label: '_low', data: fc.map((p) => ({ x: p.x, y: p.low })), borderColor: 'transparent', pointRadius: 0, fill: false },
      {
        label: words.band,
        data: fc.map((p) => ({ x: p.x, y: p.high })),
        borderColor: 'transparent',
        backgroundColor: alpha(users, '33'),
        pointRadius: 0,
        fill: '-1',
      },
      {
        label: words.forecast,
        data: fc.map((p) => ({ x: p.x, y: p.value })),
        borderColor: users,
        borderDash: [6, 4],
        borderWidth: 2,
        pointRadius: 0,
      },
      { label: words.capacityLine, data: level(data.now.capacity), borderColor: dim, borderWidth: 1, pointRadius: 0 },
      {
        label: fill(words.limitLine, { pct }, locale),
        data: level(data.now.limit),
        borderColor: crit,
        borderWidth: 2,
        pointRadius: 0,
      },
      {
        label: words.nPlusOneLine,
        data: level(data.now.nPlusOneLimit),
        borderColor: warn,
        borderDash: [3, 3],
        borderWidth: 1.5,
        pointRadius: 0,
      },
    ];
    c.update('none');
  }, [data, words, stale, locale]);

  return <canvas ref={canvas} data-testid="capacity-canvas" aria-hidden />;
}
