'use client';

import { useEffect, useRef, useState } from 'react';

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

const NO_DEADLINES: readonly number[] = [];

/**
 * The server's clock, refreshed every `everyMs` (incident ages are minutes,
 * so a phone need not re-render each second; the wall's clock asks for 1 s).
 * `initial` is the server's clock when it read the data, so hydration agrees
 * and ages are in the first paint; null: nothing until mounted; omitted: the
 * current estimate at once (client-only screens).
 *
 * `staleAt`: the server times at which a value on screen stops being current
 * (its time plus the room's threshold). The clock also moves the moment one is
 * crossed, checked every 100 ms, so a number gets its stale mark then and not
 * at the next tick, up to `everyMs` later (a phone's 15 s). Only a crossing
 * re-renders: the check itself is a comparison.
 */
export function useServerNow(everyMs?: number): number;
export function useServerNow(everyMs: number, initial: number | null, staleAt?: readonly number[]): number | null;
export function useServerNow(everyMs = 15_000, initial?: number | null, staleAt: readonly number[] = NO_DEADLINES): number | null {
  const [now, setNow] = useState<number | null>(() => (initial === undefined ? serverNow() : initial));
  /** the clock the screen last rendered with: a deadline at or before it is already shown */
  const shown = useRef<number | null>(now);
  shown.current = now;
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
  // One string, so a new array with the same deadlines does not restart the check.
  const deadlines = staleAt.filter(Number.isFinite).join(',');
  useEffect(() => {
    if (!deadlines) return;
    const at = deadlines.split(',').map(Number);
    const id = setInterval(() => {
      const t = serverNow();
      const last = shown.current;
      if (at.some((d) => d < t && (last === null || d >= last))) setNow(t);
    }, 100);
    return () => clearInterval(id);
  }, [deadlines]);
  return now;
}
