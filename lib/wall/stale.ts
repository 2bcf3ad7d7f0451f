/**
 * Whether a number on screen is stale: its newest sample is older, on the
 * server's clock, than the room's threshold. `ageMs` says for how long the
 * data has not moved (from the sample time), for "stale for 2 min".
 */
export function staleness(
  latestTimeMs: number | null | undefined,
  serverNow: number,
  staleAfterSeconds: number,
): { stale: boolean; ageMs: number } {
  if (latestTimeMs === null || latestTimeMs === undefined || !Number.isFinite(latestTimeMs)) return { stale: false, ageMs: 0 };
  const ageMs = Math.max(0, serverNow - latestTimeMs);
  return { stale: ageMs > staleAfterSeconds * 1000, ageMs };
}

/** What a screen's connection indicator says: a socket can be up while the data behind it has stopped. */
export type TFeedState = 'connecting' | 'live' | 'stale' | 'reconnecting' | 'offline';

/**
 * One state for the badge from the socket and the data's age: never "live"
 * beside numbers that stopped moving. A broken connection outranks stale
 * data (it is the likelier cause, and what someone can act on).
 */
export function feedState(connection: 'connecting' | 'live' | 'reconnecting' | 'offline', dataStale: boolean): TFeedState {
  return connection === 'live' && dataStale ? 'stale' : connection;
}
