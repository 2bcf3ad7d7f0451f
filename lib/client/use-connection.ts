'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import {
  accessProblem,
  INITIAL_CONNECTION,
  nextConnection,
  OFFLINE_AFTER_MS,
  type TAccessProblem,
  type TConnectionEvent,
  type TConnectionState,
} from './connection-state';
import { loadedSocket, socketFor, type TClientSocket } from './socket';

/** How often a screen asks again for socket.io-client when it did not load. */
const SOCKET_LOAD_RETRY_MS = 3000;
/** A screen with no socket this long after it mounted (the library did not load) counts it as a failed connection. */
const NO_SOCKET_GRACE_MS = 5000;

/**
 * The tab's socket for a display key (null: the session's); null while rendering on the server, and in the
 * browser until socket.io-client has loaded (`socketFor`: after the first paint, once per tab). `enabled`
 * false: none (a hook that reads another socket must not open the session's, which would close a wall's).
 */
export function useTabSocket(token: string | null = null, enabled = true): TClientSocket | null {
  const [held, setHeld] = useState<{ token: string | null; socket: TClientSocket } | null>(() => {
    const socket = typeof window === 'undefined' || !enabled ? null : loadedSocket(token);
    return socket ? { token, socket } : null;
  });
  useEffect(() => {
    if (!enabled) return;
    let mounted = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      socketFor(token).then(
        (socket) => mounted && setHeld((h) => (h?.socket === socket && h.token === token ? h : { token, socket })),
        // Not loaded (no network): asked again while the screen is open; `useConnection` says reconnecting meanwhile.
        () => {
          if (mounted) retry = setTimeout(load, SOCKET_LOAD_RETRY_MS);
        },
      );
    void load();
    return () => {
      mounted = false;
      clearTimeout(retry);
    };
  }, [token, enabled]);
  return enabled && held?.token === token ? held.socket : null;
}

/**
 * What a live screen says about its socket: connecting, live, reconnecting,
 * offline after 15 s without one (`connection-state.ts`), and whether access
 * ended while it showed (a `session:revoked` push, a refused reconnect). When
 * access ends the socket is stopped — a retry cannot bring it back — and
 * `onAccessEnded` runs at once, so the screen can drop what it showed.
 * `isEnded()` answers synchronously, for a query function deciding whether to ask again.
 */
export function useConnection(
  socket: TClientSocket | null,
  opts: {
    hasKey: boolean;
    onAccessEnded?: (p: TAccessProblem) => void;
    /** the screen opened with the room already on it (read by the server into the page): a refusal ends access */
    showsRoom?: boolean;
  },
) {
  const { hasKey } = opts;
  // Only a screen that clears itself when access ends (the room's live view) ends it and stops the socket.
  const ends = opts.onAccessEnded !== undefined;
  // A socket another screen already connected is live from the first paint.
  const [state, setState] = useState<TConnectionState>(() => {
    const initial = { ...INITIAL_CONNECTION, hadRoom: opts.showsRoom === true };
    return socket?.connected ? nextConnection(initial, { type: 'connect' }) : initial;
  });
  const current = useRef(state);
  const onEnded = useRef(opts.onAccessEnded);
  onEnded.current = opts.onAccessEnded;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const apply = (e: TConnectionEvent) => {
      const before = current.current;
      const after = nextConnection(before, e);
      if (after === before) return;
      current.current = after;
      if (after.clock !== before.clock) {
        clearTimeout(timer);
        timer = after.clock ? setTimeout(() => apply({ type: 'offline' }), OFFLINE_AFTER_MS) : undefined;
      }
      setState(after);
      if (after.ended && after.ended !== before.ended) {
        onEnded.current?.(after.ended);
        socket?.disconnect();
      }
    };
    if (!socket) {
      // socket.io-client not loaded yet (it follows the first paint): a while without it is a connection
      // that failed, so the screen says reconnecting, then offline, rather than connecting for ever.
      const grace = setTimeout(() => apply({ type: 'connect_error', problem: null }), NO_SOCKET_GRACE_MS);
      return () => {
        clearTimeout(grace);
        clearTimeout(timer);
      };
    }
    const onConnect = () => apply({ type: 'connect' });
    const onDisconnect = () => apply({ type: 'disconnect' });
    const onConnectError = (err: Error) =>
      apply({ type: 'connect_error', problem: !ends || socket.active ? null : accessProblem(err, hasKey) });
    const onRevoked = () => ends && apply({ type: 'revoked', hasKey });
    // Re-subscribed (a new socket) while the offline clock ran: run it again.
    if (current.current.clock) timer = setTimeout(() => apply({ type: 'offline' }), OFFLINE_AFTER_MS);
    if (socket.connected) onConnect();
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    socket.on('session:revoked', onRevoked);
    return () => {
      clearTimeout(timer);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.off('session:revoked', onRevoked);
    };
  }, [socket, hasKey, ends]);

  const isEnded = useMemo(() => () => current.current.ended !== null, []);
  return { connection: state.connection, ended: state.ended, isEnded };
}
