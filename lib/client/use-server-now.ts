'use client';

import { useEffect, useState } from 'react';

/** Server clock minus this device's clock (ms), from the last server time any push or ack carried. */
let offsetMs = 0;

/** Records the server's clock from a snapshot, push, tick or ack: every screen's ages follow it. */
export function noteServerTime(serverTime: number): void {
  offsetMs = serverTime - Date.now();
}

/** The server's clock now, as best this tab knows it. */
function serverNow(): number {
  return Date.now() + offsetMs;
}

/**
 * The server's clock, refreshed every `everyMs` (incident ages are minutes,
 * so a phone need not re-render each second; the wall's clock asks for 1 s).
 * `initial` is the server's clock when it read the data, so hydration agrees
 * and ages are in the first paint; null: nothing until mounted; omitted: the
 * current estimate at once (client-only screens).
 */
export function useServerNow(everyMs?: number): number;
export function useServerNow(everyMs: number, initial: number | null): number | null;
export function useServerNow(everyMs = 15_000, initial?: number | null): number | null {
  const [now, setNow] = useState<number | null>(() => (initial === undefined ? serverNow() : initial));
  useEffect(() => {
    const tick = () => setNow(serverNow());
    tick();
    const id = setInterval(tick, everyMs);
    // A phone waking from sleep: catch the ages up at once rather than at the next tick.
    const onVisible = () => document.visibilityState === 'visible' && tick();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [everyMs]);
  return now;
}
