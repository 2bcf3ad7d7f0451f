'use client';

import { useEffect, useState } from 'react';

/** The server's clock (this device's clock plus the measured offset), re-read every second. */
export function useServerNow(offsetMs: number): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now() + offsetMs);
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [offsetMs]);
  return now;
}
