/**
 * Whether a number on screen is stale: its newest sample is older, on the
 * server's clock, than the room's threshold. `ageMs` says for how long the
 * data has not moved (from the sample time), for "stale for 2 min".
 */
export function staleness(latestTimeMs: number | null | undefined, serverNow: number, staleAfterSeconds: number): { stale: boolean; ageMs: number } {
  if (latestTimeMs === null || latestTimeMs === undefined || !Number.isFinite(latestTimeMs)) return { stale: false, ageMs: 0 };
  const ageMs = Math.max(0, serverNow - latestTimeMs);
  return { stale: ageMs > staleAfterSeconds * 1000, ageMs };
}
