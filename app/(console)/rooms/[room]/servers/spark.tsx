/** A tiny SVG trend line: one per metric per row, so a hundred of them cost nothing (no chart instances). */
export function Spark({ points, className = '', label }: { points: [number, number][] | undefined; className?: string; label: string }) {
  const w = 80;
  const h = 20;
  if (!points || points.length < 2) return <svg width={w} height={h} className={className} role="img" aria-label={label} />;
  const t0 = points[0]![0];
  const t1 = points[points.length - 1]![0];
  let lo = Infinity;
  let hi = -Infinity;
  for (const [, v] of points) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const span = hi - lo || Math.abs(hi) || 1;
  const d = points
    .map(([t, v]) => `${(((t - t0) / (t1 - t0 || 1)) * (w - 2) + 1).toFixed(1)},${(h - 1 - ((v - lo) / span) * (h - 2)).toFixed(1)}`)
    .join(' ');
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} className={className} role="img" aria-label={label}>
      <polyline points={d} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" />
    </svg>
  );
}
