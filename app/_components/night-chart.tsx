'use client';

import { useEffect, useRef } from 'react';
import { Chart, LineController, LineElement, PointElement, LinearScale, Filler, type ChartDataset } from 'chart.js';
import annotationPlugin, { type AnnotationOptions } from 'chartjs-plugin-annotation';
import { formatCompact, type TLocale } from '@/lib/format/number';
import { formatTimeOfDay } from '@/lib/format/duration';
import type { TChartPoint } from '@/lib/series';

Chart.register(LineController, LineElement, PointElement, LinearScale, Filler, annotationPlugin);

export interface TNightLine {
  label: string;
  color: string;
  points: TChartPoint[];
  /** plotted against the right-hand axis */
  right?: boolean;
  /** a planned curve: dashed, unfilled, and it does not stretch the time axis */
  dashed?: boolean;
}

/** A moment on the timeline ("gate opened"): a vertical line. */
export interface TNightMark {
  id: string;
  time: number;
  label: string;
  /** draw the label at the bottom, so two marks close together do not cover each other */
  low?: boolean;
}

/** A level on one axis (a milestone): a horizontal line, dashed until it is reached. */
export interface TNightLevel {
  id: string;
  value: number;
  label: string;
  right?: boolean;
  reached: boolean;
  color: string;
}

const GRID = '#1b2430';
const TICKS = '#9aa7b4';

type TPoint = { x: number; y: number };

/**
 * The wall's chart of the night: both headline series, annotations and
 * milestone lines. One Chart.js instance kept in a ref; new data, marks or
 * levels call update('none') — no re-creation and no animation, so a screen
 * that runs for days neither flickers nor piles up objects. Font sizes follow
 * the canvas height, so the chart reads the same at 1080p and 4K.
 */
export function NightChart(props: { lines: TNightLine[]; marks: TNightMark[]; levels: TNightLevel[]; locale: TLocale; timeZone: string; className?: string; /** replay: a vertical cursor at this time */ cursor?: number | null }) {
  const { lines, marks, levels, locale, timeZone, cursor } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'line', TPoint[]> | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const font = () => ({ size: Math.max(12, Math.round(window.innerHeight * 0.02)) });
    const c = new Chart<'line', TPoint[]>(canvas.current, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        events: [],
        plugins: { legend: { display: false }, tooltip: { enabled: false }, annotation: { annotations: {} } },
        scales: {
          x: { type: 'linear', ticks: { color: TICKS, font, maxTicksLimit: 8, callback: (v) => formatTimeOfDay(Number(v), timeZone) }, grid: { color: GRID } },
          y: { position: 'left', ticks: { color: '#4cc2ff', font, callback: (v) => formatCompact(Number(v), locale) }, grid: { color: GRID } },
          y2: { position: 'right', ticks: { color: '#7ee787', font, callback: (v) => formatCompact(Number(v), locale) }, grid: { display: false } },
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
      (l): ChartDataset<'line', TPoint[]> => ({
        label: l.label,
        data: l.points.map(([x, y]) => ({ x, y })),
        borderColor: l.color,
        backgroundColor: `${l.color}1a`,
        borderWidth: Math.max(2, Math.round(window.innerHeight / 360)),
        borderDash: l.dashed ? [8, 6] : [],
        pointRadius: 0,
        tension: 0.2,
        fill: l.right || l.dashed ? false : 'origin',
        yAxisID: l.right ? 'y2' : 'y',
      }),
    );
    const fontSize = Math.max(12, Math.round(window.innerHeight * 0.018));
    const annotations: Record<string, AnnotationOptions> = {};
    // Marks outside the plotted time span would stretch the x axis; draw only those inside it.
    const xs = lines.filter((l) => !l.dashed).flatMap((l) => (l.points.length ? [l.points[0]![0], l.points[l.points.length - 1]![0]] : []));
    const [xMin, xMax] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [Infinity, -Infinity];
    for (const m of marks) {
      if (m.time < xMin || m.time > xMax) continue;
      annotations[`mark-${m.id}`] = {
        type: 'line',
        scaleID: 'x',
        value: m.time,
        borderColor: '#c9d1d9aa',
        borderWidth: 2,
        borderDash: [6, 6],
        label: { display: true, content: m.label, position: m.low ? 'end' : 'start', color: '#e6edf3', backgroundColor: '#1f2937ee', font: { size: fontSize } },
      };
    }
    for (const l of levels) {
      annotations[`level-${l.id}`] = {
        type: 'line',
        scaleID: l.right ? 'y2' : 'y',
        value: l.value,
        borderColor: l.color,
        borderWidth: 2,
        borderDash: l.reached ? [] : [10, 8],
        label: { display: true, content: l.label, position: 'start', color: '#070a0e', backgroundColor: l.color, font: { size: fontSize, weight: 'bold' } },
      };
    }
    if (cursor !== undefined && cursor !== null) {
      annotations.cursor = { type: 'line', scaleID: 'x', value: cursor, borderColor: '#f5d142', borderWidth: 3 };
    }
    c.options.plugins!.annotation!.annotations = annotations;
    // The x axis spans the data exactly: no empty "nice" margin after the newest point.
    const x = c.options.scales!.x!;
    x.min = Number.isFinite(xMin) ? xMin : undefined;
    x.max = Number.isFinite(xMax) ? xMax : undefined;
    c.update('none');
  }, [lines, marks, levels, cursor]);

  return (
    <div className={props.className}>
      <canvas ref={canvas} role="img" aria-label={`${lines.map((l) => l.label).join(' and ')} over time`} />
    </div>
  );
}
