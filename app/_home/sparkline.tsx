import { SPARK_H, SPARK_W, sparkPaths, type TSparkLine } from '@/lib/spark-path';

const STROKE: Record<TSparkLine['color'], string> = { users: 'stroke-users', online: 'stroke-online' };
const FILL: Record<TSparkLine['color'], string> = { users: 'fill-users/15', online: 'fill-online/15' };
/** Past the room's stale threshold the line greys with the numbers beside it: it ends where the data stopped. */
const STALE_STROKE = 'stroke-dim';
const STALE_FILL = 'fill-dim/10';

/**
 * The compact trend line of the summary, drawn as SVG by the server with the
 * numbers, so the first paint has it and the phone loads no chart library:
 * no axes, no tooltip, nothing to tap, only the shape of the night (the
 * wall's and console's charts, with axes and marks, are Chart.js). The first
 * line is filled below. `summary` is the line's meaning in words, for screen
 * readers; `stale`: the newest point is past the room's threshold, and the
 * line is drawn as the numbers are then, grey in a dashed box. `waiting`: the
 * words an empty box says once the room is read (fewer than two points).
 */
export function Sparkline({
  lines,
  summary,
  stale,
  waiting,
  className,
}: {
  lines: TSparkLine[];
  summary: string;
  stale: boolean;
  /** the words of an empty box ("waiting for data") once the room is read and no line has two points; unset while the room is unknown */
  waiting?: string;
  className?: string;
}) {
  const paths = sparkPaths(lines);
  const empty = paths.length === 0 && waiting !== undefined;
  return (
    <figure
      className={`relative border ${stale ? 'border-dashed border-dim' : 'border-edge'} ${className ?? ''}`}
      data-testid="sparkline"
      data-stale={stale ? 'yes' : 'no'}
      role="img"
      aria-label={empty ? `${summary}: ${waiting}` : summary}
    >
      {/* An empty box is not a flat night: say that the line starts with the data, as the wall's chart does. */}
      {empty ? (
        <span className="absolute inset-0 flex items-center justify-center text-sm text-dim" data-testid="sparkline-waiting" aria-hidden>
          {waiting}
        </span>
      ) : null}
      <svg viewBox={`0 0 ${SPARK_W} ${SPARK_H}`} preserveAspectRatio="none" className="block h-full w-full" aria-hidden>
        {paths.map((p) =>
          p.area ? <path key={`${p.color}-area`} d={p.area} className={`${stale ? STALE_FILL : FILL[p.color]} stroke-none`} /> : null,
        )}
        {/* The first line drawn last, on top: where the lines cross, registered users are the one seen. */}
        {[...paths].reverse().map((p) => (
          <path
            key={p.color}
            d={p.line}
            data-testid="sparkline-line"
            data-color={p.color}
            className={`${stale ? STALE_STROKE : STROKE[p.color]} fill-none`}
            strokeWidth={2}
            strokeLinejoin="round"
            strokeLinecap="round"
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </svg>
    </figure>
  );
}
