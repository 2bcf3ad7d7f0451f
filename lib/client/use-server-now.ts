'use client';

import { useEffect, useRef, useState } from 'react';

/** How long a reading of the server's clock counts (ms): a clock set back on the server is followed after this. */
const CLOCK_WINDOW_MS = 10_000;

/**
 * The server's clock as this device knows it, from the server times that
 * snapshots, pushes, ticks and acks carry. Each says what the server's clock
 * read when it was sent, and it arrived later, so `serverTime − receipt` is
 * a lower bound on the clock's offset: the estimate is the highest of the
 * last 10 s (a sliding maximum), not the last one. A snapshot a busy server
 * took half a second to answer no longer sets every age on screen back by
 * half a second, with each stale mark that much late.
 */
export function createServerClock(windowMs = CLOCK_WINDOW_MS) {
  /** readings, offsets falling from first to last (one that a later, higher one outranks is dropped) */
  const readings: { offset: number; at: number }[] = [];
  return {
    note(serverTime: number, localNow: number): void {
      const offset = serverTime - localNow;
      while (readings.length > 0 && readings[readings.length - 1]!.offset <= offset) readings.pop();
      readings.push({ offset, at: localNow });
      while (readings.length > 1 && readings[0]!.at < localNow - windowMs) readings.shift();
    },
    now(localNow: number): number {
      while (readings.length > 1 && readings[0]!.at < localNow - windowMs) readings.shift();
      return localNow + (readings[0]?.offset ?? 0);
    },
  };
}

const clock = createServerClock();

/** Records the server's clock from a snapshot, push, tick or ack: every screen's ages follow it. */
export function noteServerTime(serverTime: number): void {
  clock.note(serverTime, Date.now());
}

/** The server's clock now, as best this tab knows it. */
function serverNow(): number {
  return clock.now(Date.now());
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
