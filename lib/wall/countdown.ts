function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function hms(ms: number, alwaysHours: boolean): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 || alwaysHours ? `${pad(h)}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/**
 * The go-live countdown as the room reads it: `T-05:00` (hours appear when
 * there are any, `T-01:05:00`), then `T+00:12:34` from the go-live second on —
 * the launch convention, and not the word LIVE, which the wall keeps for
 * live data (its feed badge). Before go-live the seconds round up, so
 * T-00:00 is never shown early.
 */
export function formatCountdown(goLiveAt: number, now: number): { phase: 'before' | 'live'; text: string } {
  const diff = goLiveAt - now;
  if (diff > 0) return { phase: 'before', text: `T-${hms(Math.ceil(diff / 1000) * 1000, false)}` };
  return { phase: 'live', text: `T+${hms(-diff, true)}` };
}
