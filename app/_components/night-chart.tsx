'use client';

import { useEffect, useRef, useState } from 'react';
import { Chart, LineController, LineElement, PointElement, LinearScale, Filler, type ChartDataset } from 'chart.js';
import annotationPlugin, { type AnnotationOptions } from 'chartjs-plugin-annotation';
import { formatAxis, type TLocale } from '@/lib/format/number';
import { formatTimeOfDay } from '@/lib/format/time';
import type { TChartPoint } from '@/lib/series';
import { timeTicks, zoneOffsetMs } from '@/lib/wall/time-ticks';
import { robustRange } from '@/lib/wall/robust-range';
import { type TChartToken, useChartColors, withAlpha } from './chart-colors';

Chart.register(LineController, LineElement, PointElement, LinearScale, Filler, annotationPlugin);
// A canvas does not inherit the page's font stack: name it, so 万 and 亿 on the axes draw with the
// shipped Noto Sans SC slices on a kiosk that has no Chinese font (app/globals.css, --font-sans).
Chart.defaults.font.family = '"Warroom CJK", ui-sans-serif, system-ui, "Noto Sans", Arial, sans-serif';

export interface TNightLine {
  label: string;
  /** a theme token (app/globals.css): read when drawing, so the printed report draws with print colours */
  color: TChartToken;
  points: TChartPoint[];
  /** plotted against the right-hand axis */
  right?: boolean;
  /** a planned curve: dashed, unfilled, and it does not stretch the time axis */
  dashed?: boolean;
}

/** Below this chart height (CSS px) the moments' marks are drawn without their labels. */
const COMPACT_BELOW_PX = 200;
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
  /** a theme token; a level not yet reached draws it fainter */
  color: TChartToken;
}

/**
 * Counts the page's finished font loads. Chart.js measures each tick label
 * once per font string and keeps the width: measured before the Noto Sans SC
 * slice holding 万 arrived (a box narrower than the glyph), the right axis
 * kept too little room and its labels were cut off. Redrawing does not
 * measure again; a chart made anew after the load does.
 */
function useFontLoads(): number {
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    const fonts = document.fonts;
    if (!fonts) return;
    let alive = true;
    const bump = () => {
      if (alive) setLoads((n) => n + 1);
    };
    void fonts.ready.then(bump);
    fonts.addEventListener('loadingdone', bump);
    return () => {
      alive = false;
      fonts.removeEventListener('loadingdone', bump);
    };
  }, []);
  return loads;
}

/** The canvas's accessible name: what it plots, in the chart's language. */
const CHART_NAME: Record<TLocale, (labels: string[]) => string> = {
  en: (labels) => `${labels.join(' and ')} over time`,
  zh: (labels) => `${labels.join('与')}随时间变化`,
};

type TPoint = { x: number; y: number };

/**
 * The wall's chart of the night: both headline series, annotations and
 * milestone lines. One Chart.js instance kept in a ref; new data, marks or
 * levels call update('none') — no re-creation and no animation, so a screen
 * that runs for days neither flickers nor piles up objects. Font sizes follow
 * the canvas height, so the chart reads the same at 1080p and 4K. The time
 * axis runs to `now` (the server's clock), not to the newest point, so a
 * gap at the end shows that the data stopped; ticks sit on round clock
 * steps and never repeat a label. With no data at all it says so instead of
 * drawing an empty 0–1 axis.
 */
export function NightChart(props: {
  lines: TNightLine[];
  marks: TNightMark[];
  levels: TNightLevel[];
  locale: TLocale;
  timeZone: string;
  /** the server's clock: the axis's right end (null: the newest point) */
  now?: number | null;
  /** what the empty chart says */
  waiting?: string;
  className?: string;
  /** replay: a vertical cursor at this time */
  cursor?: number | null;
}) {
  const { lines, marks, levels, locale, timeZone, now = null, cursor } = props;
  const empty = lines.filter((l) => !l.dashed).every((l) => l.points.length === 0);
  const canvas = useRef<HTMLCanvasElement>(null);
  // Theme tokens, read again when the page switches to print: the chart is remade with them.
  const colors = useChartColors();
  const chart = useRef<Chart<'line', TPoint[]> | null>(null);
  const withSeconds = useRef(false);
  const box = useRef<HTMLDivElement>(null);
  const fontLoads = useFontLoads();

  useEffect(() => {
    if (!canvas.current) return;
    // Read so the chart is made anew after each font load (see useFontLoads).
    void fontLoads;
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
          x: {
            type: 'linear',
            ticks: {
              color: colors.dim,
              font,
              autoSkip: false,
              maxRotation: 0,
              callback: (v) => formatTimeOfDay(Number(v), timeZone, withSeconds.current),
            },
            // Our own ticks on round clock steps (Chart.js's linear ticks would add the bare min and max).
            afterBuildTicks: (axis) => {
              const maxTicks = Math.max(2, Math.min(8, Math.floor(axis.width / (font().size * (withSeconds.current ? 6 : 4.2)))));
              const r = timeTicks(axis.min, axis.max, maxTicks, zoneOffsetMs(timeZone, axis.min));
              withSeconds.current = r.seconds;
              axis.ticks = r.ticks.map((value) => ({ value }));
            },
            grid: { color: withAlpha(colors.edge, '99') },
          },
          y: {
            position: 'left',
            ticks: { color: colors.users, font, callback: (v, _i, ticks) => formatAxis(Number(v), locale, ticks) },
            grid: { color: withAlpha(colors.edge, '99') },
          },
          y2: {
            position: 'right',
            ticks: { color: colors.online, font, callback: (v, _i, ticks) => formatAxis(Number(v), locale, ticks) },
            grid: { display: false },
          },
        },
      },
    });
    chart.current = c;
    return () => {
      c.destroy();
      chart.current = null;
    };
  }, [locale, timeZone, fontLoads, colors]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.datasets = lines.map(
      (l): ChartDataset<'line', TPoint[]> => ({
        label: l.label,
        data: l.points.map(([x, y]) => ({ x, y })),
        // A planned curve is drawn a little fainter than the measured one.
        borderColor: l.dashed ? withAlpha(colors[l.color], 'cc') : colors[l.color],
        backgroundColor: withAlpha(colors[l.color], '1a'),
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
    const [xMin, lastX] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [Infinity, -Infinity];
    // The axis ends at now, so what happened after the newest point (a mark, a silence) is in view.
    const xMax = now !== null && Number.isFinite(lastX) ? Math.max(lastX, now) : lastX;
    const drawn: string[] = [];
    // A short chart (a wall on a phone: ≈ 120 px) has no room for the moments' labels beside the
    // milestone labels — they covered each other. Their dashed lines stay; the report and a taller wall name them.
    const compact = (box.current?.clientHeight ?? Infinity) < COMPACT_BELOW_PX;
    for (const m of marks) {
      if (m.time < xMin || m.time > xMax) continue;
      drawn.push(m.id);
      annotations[`mark-${m.id}`] = {
        type: 'line',
        scaleID: 'x',
        value: m.time,
        borderColor: withAlpha(colors.ink, 'aa'),
        borderWidth: 2,
        borderDash: [6, 6],
        label: {
          display: !compact,
          content: m.label,
          position: m.low ? 'end' : 'start',
          color: colors.ink,
          backgroundColor: withAlpha(colors.panel, 'ee'),
          font: { size: fontSize },
        },
      };
    }
    for (const l of levels) {
      const level = l.reached ? colors[l.color] : withAlpha(colors[l.color], 'aa');
      annotations[`level-${l.id}`] = {
        type: 'line',
        scaleID: l.right ? 'y2' : 'y',
        value: l.value,
        borderColor: level,
        borderWidth: 2,
        borderDash: l.reached ? [] : [10, 8],
        label: {
          display: true,
          content: l.label,
          position: 'start',
          color: colors.bg,
          backgroundColor: level,
          font: { size: fontSize, weight: 'bold' },
        },
      };
    }
    if (cursor !== undefined && cursor !== null) {
      annotations.cursor = { type: 'line', scaleID: 'x', value: cursor, borderColor: colors.warn, borderWidth: 3 };
    }
    c.options.plugins!.annotation!.annotations = annotations;
    // The x axis spans the data exactly: no empty "nice" margin after the newest point.
    const x = c.options.scales!.x!;
    x.min = Number.isFinite(xMin) ? xMin : undefined;
    x.max = Number.isFinite(xMax) ? xMax : undefined;
    // An axis with nothing on it is hidden, not drawn as an empty 0–1 scale.
    const has = (right: boolean) => lines.some((l) => !l.right === !right && l.points.length > 0);
    // One wild point (a mistake not yet deleted) must not flatten the night's line: it is clipped.
    const yRange = robustRange(lines.filter((l) => !l.right).map((l) => l.points.map((p) => p[1])));
    const y2Range = robustRange(lines.filter((l) => l.right).map((l) => l.points.map((p) => p[1])));
    c.options.scales!.y!.min = yRange?.min;
    c.options.scales!.y!.max = yRange?.max;
    c.options.scales!.y2!.min = y2Range?.min;
    c.options.scales!.y2!.max = y2Range?.max;
    c.options.scales!.x!.display = xs.length > 0;
    c.options.scales!.y!.display = has(false);
    c.options.scales!.y2!.display = has(true);
    c.update('none');
    // What was drawn, for tests and for anyone inspecting a kiosk: the canvas itself says nothing.
    const el = box.current;
    if (el) {
      el.dataset.xMax = String(c.scales.x?.max ?? '');
      el.dataset.lastPoint = Number.isFinite(lastX) ? String(lastX) : '';
      el.dataset.marks = drawn.join(' ');
      el.dataset.markLabels = compact ? 'hidden' : 'shown';
      el.dataset.yMin = String(c.scales.y?.min ?? '');
      el.dataset.yMax = String(c.scales.y?.max ?? '');
      el.dataset.ticks = xs.length ? (c.scales.x?.ticks ?? []).map((t) => String(t.label)).join('|') : '';
      // The axes' labels and the room the chart gave them, to check that none is clipped.
      for (const id of ['y', 'y2'] as const) {
        const scale = c.scales[id];
        el.dataset[`${id}Labels`] = scale?.options.display ? scale.ticks.map((t) => String(t.label)).join('|') : '';
        el.dataset[`${id}Width`] = String(scale?.width ?? '');
        el.dataset[`${id}Padding`] = String((scale?.options as { ticks?: { padding?: number } } | undefined)?.ticks?.padding ?? '');
      }
      el.dataset.tickFont = `${Math.max(12, Math.round(window.innerHeight * 0.02))}px ${Chart.defaults.font.family}`;
      el.dataset.fontLoads = String(fontLoads);
    }
  }, [lines, marks, levels, now, cursor, fontLoads, colors]);

  return (
    <div ref={box} data-testid="night-chart" className={props.className}>
      <canvas ref={canvas} role="img" aria-label={CHART_NAME[locale](lines.map((l) => l.label))} />
      {empty && props.waiting ? (
        <div
          data-testid="chart-waiting"
          className="absolute inset-0 flex items-center justify-center p-[2vh] text-center text-[min(3vh,5vw)] text-dim"
        >
          {props.waiting}
        </div>
      ) : null}
    </div>
  );
}
