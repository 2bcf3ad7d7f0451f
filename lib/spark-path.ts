/**
 * The phone's trend line as SVG path data, computed once for the server's HTML
 * and again for each push: one x range for all lines, a y range per line (a
 * small series is not flattened by a big one), in drawing units that the box
 * stretches (`preserveAspectRatio="none"`).
 */
import { decimate } from './decimate';
import type { TChartPoint } from './series';

export interface TSparkLine {
  /** a theme colour token (app/globals.css) */
  color: 'users' | 'online';
  points: TChartPoint[];
  /** plotted on its own scale, so a small series is not flattened by a big one */
  axis: 'a' | 'b';
}

/** The drawing's own units: the box stretches them to its size, and the strokes keep their 2 px. */
export const SPARK_W = 1000;
export const SPARK_H = 1000;
/** A stroke's half-width from the top and bottom edges, in drawing units (3 %). */
const PAD = 30;
/** More points than a phone's width has pixels for only makes the HTML longer (min and max per step are kept). */
const MAX_POINTS = 240;

/** Whole drawing units: a thousandth of the box is finer than a pixel of it, and the HTML stays short. */
const round = Math.round;

/** The outline of each line with at least two points, in drawing units: one x range for all, a y range each. */
export function sparkPaths(lines: TSparkLine[]): { color: TSparkLine['color']; line: string; area: string | null }[] {
  const drawn = lines.filter((l) => l.points.length >= 2);
  const xs = drawn.flatMap((l) => [l.points[0]![0], l.points.at(-1)![0]]);
  const x0 = Math.min(...xs);
  const xSpan = Math.max(...xs) - x0 || 1;
  return drawn.map((l) => {
    const points = decimate(l.points, MAX_POINTS);
    let lo = Infinity;
    let hi = -Infinity;
    for (const [, y] of points) {
      lo = Math.min(lo, y);
      hi = Math.max(hi, y);
    }
    // A flat line sits in the middle rather than on an edge.
    const ySpan = hi - lo;
    const at = ([x, y]: TChartPoint) =>
      `${round(((x - x0) / xSpan) * SPARK_W)},${round(ySpan === 0 ? SPARK_H / 2 : SPARK_H - PAD - ((y - lo) / ySpan) * (SPARK_H - 2 * PAD))}`;
    const line = `M${points.map(at).join('L')}`;
    const first = round(((points[0]![0] - x0) / xSpan) * SPARK_W);
    const last = round(((points.at(-1)![0] - x0) / xSpan) * SPARK_W);
    return { color: l.color, line, area: l.axis === 'a' ? `${line}L${last},${SPARK_H}L${first},${SPARK_H}Z` : null };
  });
}
