'use client';

import { useEffect, useState } from 'react';

/** The server's time (device clock plus the measured offset), ticking each second. */
export function ServerClock({ offsetMs, timeZone }: { offsetMs: number; timeZone: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now() + offsetMs);
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [offsetMs]);
  if (now === null) return <span className="tabular">--:--:--</span>;
  return (
    <time data-testid="clock" className="tabular text-ink" dateTime={new Date(now).toISOString()}>
      {new Date(now).toLocaleTimeString('en-GB', { timeZone, hour12: false })}
    </time>
  );
}
