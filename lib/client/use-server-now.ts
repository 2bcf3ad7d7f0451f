'use client';

import { useEffect, useState } from 'react';

/**
 * The server's clock (device clock plus the measured offset), refreshed every
 * `everyMs`: incident ages are minutes, so a phone need not re-render each second.
 * Until mounted it is `initial` (the server's clock when it read the data,
 * the same value on the server and in the browser, so hydration agrees and
 * the ages are in the first paint), or null without one.
 */
export function useServerNow(offsetMs: number, everyMs = 15_000, initial: number | null = null): number | null {
  const [now, setNow] = useState<number | null>(initial);
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
