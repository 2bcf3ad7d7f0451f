import { formatTimeOfDay } from '@/lib/format/time';

/** The server's time of day, from the wall's one server-clock tick. */
export function ServerClock({ now, timeZone }: { now: number | null; timeZone: string }) {
  if (now === null) return <span className="tabular">--:--:--</span>;
  return (
    <time data-testid="clock" className="tabular text-ink" dateTime={new Date(now).toISOString()}>
      {formatTimeOfDay(now, timeZone, true)}
    </time>
  );
}
