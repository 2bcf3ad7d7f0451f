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
import { getSocket, type TClientSocket } from './socket';

/** The tab's socket for a display key (null: the session's); null while rendering on the server. */
export function useTabSocket(token: string | null = null): TClientSocket | null {
  return useMemo(() => (typeof window === 'undefined' ? null : getSocket(token)), [token]);
}

/**
 * What a live screen says about its socket: connecting, live, reconnecting,
 * offline after 15 s without one (`connection-state.ts`), and whether access
 * ended while it showed (a `session:revoked` push, a refused reconnect). When
 * access ends the socket is stopped — a retry cannot bring it back — and
 * `onAccessEnded` runs at once, so the screen can drop what it showed.
 * `isEnded()` answers synchronously, for a query function deciding whether to ask again.
 */
export function useConnection(socket: TClientSocket | null, opts: { hasKey: boolean; onAccessEnded?: (p: TAccessProblem) => void }) {
  const { hasKey } = opts;
  // Only a screen that clears itself when access ends (the room's live view) ends it and stops the socket.
  const ends = opts.onAccessEnded !== undefined;
  // A socket another screen already connected is live from the first paint.
  const [state, setState] = useState<TConnectionState>(() =>
    socket?.connected ? nextConnection(INITIAL_CONNECTION, { type: 'connect' }) : INITIAL_CONNECTION,
  );
  const current = useRef(state);
  const onEnded = useRef(opts.onAccessEnded);
  onEnded.current = opts.onAccessEnded;

  useEffect(() => {
    if (!socket) return;
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
        socket.disconnect();
      }
    };
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
