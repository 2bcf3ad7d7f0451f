'use client';

import { useEffect, useState } from 'react';

/**
 * The server's clock (device clock plus the measured offset), refreshed every
 * `everyMs`: incident ages are minutes, so a phone need not re-render each second.
 * Null until mounted, so the server render and hydration agree.
 */
export function useServerNow(offsetMs: number, everyMs = 15_000): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now() + offsetMs);
    tick();
    const id = setInterval(tick, everyMs);
    // A phone waking from sleep: catch the ages up at once rather than at the next tick.
    const onVisible = () => document.visibilityState === 'visible' && tick();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [offsetMs, everyMs]);
  return now;
}
