/**
 * The connection-state machine every live screen shows, kept pure so its
 * rules are tested without a socket: connecting → live; a drop says
 * reconnecting at once and offline after `OFFLINE_AFTER_MS` (retries neither
 * postpone that nor flip it back); access that ended (a `session:revoked`
 * push, a refused reconnect) is final until a reload. The hook that drives it
 * from socket events is `useConnection` in `use-connection.ts`.
 */

export type TConnection = 'connecting' | 'live' | 'reconnecting' | 'offline';

/**
 * Why a screen may not show the room at all — not a network problem, so no
 * amount of reconnecting fixes it and the screen must say so and clear:
 * no sign-in, a display key that never worked (wrong, expired or revoked
 * before the page opened), a key revoked while showing, an unknown room,
 * a sign-in or key that may not read this room.
 */
export type TAccessProblem = 'signin' | 'badKey' | 'revoked' | 'unknownRoom' | 'forbidden';

/** After this long without a connection the indicator says offline rather than reconnecting. */
export const OFFLINE_AFTER_MS = 15_000;

/** The access problem an error from the handshake or `room:join` means, or null for anything retryable. */
export function accessProblem(err: unknown, hasKey: boolean): TAccessProblem | null {
  const code = err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : '';
  const message = err instanceof Error ? err.message : '';
  if (code === 'not_found') return 'unknownRoom';
  if (code === 'unauthorized' || /^unauthorized/.test(message)) return hasKey ? 'badKey' : 'signin';
  if (code === 'forbidden' || /^forbidden/.test(message)) return 'forbidden';
  return null;
}

export interface TConnectionState {
  connection: TConnection;
  /** Access ended while showing: final for this screen. */
  ended: TAccessProblem | null;
  /**
   * The screen has had the room: its socket connected on this page, or it came with the room (the server
   * read it into the page's HTML). A refused handshake after that means access ended while the screen
   * showed the room (revoked, signed out). Before it, a refusal means the key or sign-in never worked
   * here, and the room's read says so (wrong key), however long the first connection took or how often
   * it failed.
   */
  hadRoom: boolean;
  /** The offline clock is running (started by the first drop, stopped by a connect or an end). */
  clock: boolean;
}

export type TConnectionEvent =
  | { type: 'connect' }
  | { type: 'disconnect' }
  /** A handshake failed; `problem` is its access problem when socket.io gave up (not a network failure). */
  | { type: 'connect_error'; problem: TAccessProblem | null }
  | { type: 'revoked'; hasKey: boolean }
  /** The offline clock ran out. */
  | { type: 'offline' };

export const INITIAL_CONNECTION: TConnectionState = { connection: 'connecting', ended: null, hadRoom: false, clock: false };

function down(s: TConnectionState): TConnectionState {
  // Every failed retry lands here too: only the first failure starts the offline clock.
  if (s.clock) return s;
  return { ...s, connection: 'reconnecting', clock: true };
}

function end(s: TConnectionState, problem: TAccessProblem): TConnectionState {
  return { ...s, ended: problem, clock: false };
}

/** The next state; the caller starts or stops its timer when `clock` flips, and stops the socket when `ended` is newly set. */
export function nextConnection(s: TConnectionState, e: TConnectionEvent): TConnectionState {
  switch (e.type) {
    case 'connect':
      return { ...s, connection: 'live', hadRoom: true, clock: false };
    case 'disconnect':
      return down(s);
    case 'connect_error':
      // A refused handshake after the screen had the room: the key or session died while it was away.
      if (e.problem && s.hadRoom) return end(s, e.problem === 'badKey' ? 'revoked' : e.problem);
      return down(s);
    case 'revoked':
      return end(s, e.hasKey ? 'revoked' : 'signin');
    case 'offline':
      return s.clock ? { ...s, connection: 'offline' } : s;
  }
}

/**
 * What a live screen says once its data's read time is known: after a drop the data on screen was read
 * before it, and a restarted server answers the socket before the room's data, so a screen says live only
 * once it read its data again on this connection (`readAt` ≥ `connectedAt`; a push reaches only a socket
 * that joined again, so it counts too). Until then 'reconnecting', or 'connecting' on the page's first
 * connection (the phone's numbers came with the page, read before its socket connected). `readAt` null:
 * nothing on screen yet, nothing to mark.
 */
export function connectionOnceRead(connection: TConnection, readAt: number | null, connectedAt: number, isReconnect: boolean): TConnection {
  if (connection !== 'live' || readAt === null || readAt >= connectedAt) return connection;
  return isReconnect ? 'reconnecting' : 'connecting';
}
