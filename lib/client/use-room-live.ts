'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TRoomSnapshot } from '../events';
import { mergeUpdate } from './merge-update';
import { ApiError } from './api';
import { command, getSocket, whenConnected, type TClientSocket } from './socket';
import { noteServerTime } from './use-server-now';

export type TConnection = 'connecting' | 'live' | 'reconnecting' | 'offline';

/**
 * Why a screen may not show the room at all — not a network problem, so no
 * amount of reconnecting fixes it and the screen must say so and clear:
 * no sign-in, a display key that never worked (wrong, expired or revoked
 * before the page opened), a key revoked while showing, an unknown room,
 * a sign-in or key that may not read this room.
 */
export type TAccessProblem = 'signin' | 'badKey' | 'revoked' | 'unknownRoom' | 'forbidden';

/** The access problem an error from the handshake or `room:join` means, or null for anything retryable. */
function accessProblem(err: unknown, hasKey: boolean): TAccessProblem | null {
  const code = err instanceof ApiError ? err.code : '';
  const message = err instanceof Error ? err.message : '';
  if (code === 'not_found') return 'unknownRoom';
  if (code === 'unauthorized' || /^unauthorized/.test(message)) return hasKey ? 'badKey' : 'signin';
  if (code === 'forbidden' || /^forbidden/.test(message)) return 'forbidden';
  return null;
}

/** After this long without a connection the indicator says offline rather than reconnecting. */
const OFFLINE_AFTER_MS = 15_000;

export const roomLiveKey = (slug: string | undefined) => ['room', slug ?? '(default)', 'live'] as const;

/**
 * A room's live state: the snapshot from `room:join`, kept current by
 * `metrics:update` pushes. On every reconnect the room is joined again and
 * the snapshot refetched, so a screen catches up without a reload.
 */
export function useRoomLive(slug: string | undefined, token: string | null = null) {
  const qc = useQueryClient();
  const socket = useMemo(() => (typeof window === 'undefined' ? null : getSocket(token)), [token]);
  // One key object per slug, so the effect below re-runs when the room changes, not on every render.
  const key = useMemo(() => roomLiveKey(slug), [slug]);
  const [connection, setConnection] = useState<TConnection>('connecting');
  const [lastPushAt, setLastPushAt] = useState<number | null>(null);
  // Set by a push (`session:revoked`) or a refused reconnect; cleared only by a reload with a new link.
  const [revoked, setRevoked] = useState<TAccessProblem | null>(null);
  const ended = useRef(false);

  const query = useQuery({
    queryKey: key,
    enabled: socket !== null,
    // A refused handshake will not succeed by retrying; anything else will, eventually.
    retry: (_n, err) => accessProblem(err, token !== null) === null,
    retryDelay: (n) => Math.min(1000 * 2 ** n, 10_000),
    queryFn: async () => {
      // Access ended: never again (a reload with a new link starts over).
      if (ended.current) return new Promise<never>(() => {});
      // A handshake refused before this ran (the socket is made during render) left nothing to wait
      // for: ask again, so the refusal reaches this query instead of it waiting forever.
      if (!socket!.connected && !socket!.active) socket!.connect();
      await whenConnected(socket!);
      const snap = await command(socket!, 'room:join', slug ? { room: slug } : {});
      noteServerTime(snap.serverTime);
      return snap;
    },
  });

  useEffect(() => {
    if (!socket) return;
    let offlineTimer: ReturnType<typeof setTimeout> | undefined;
    let wasDisconnected = false;
    const onConnect = () => {
      clearTimeout(offlineTimer);
      offlineTimer = undefined;
      setConnection('live');
      if (wasDisconnected) void qc.invalidateQueries({ queryKey: key });
      wasDisconnected = false;
    };
    const onDisconnect = () => {
      wasDisconnected = true;
      // Every failed retry lands here too: only the first failure starts the offline clock,
      // so retries neither postpone "offline" nor flip it back to "reconnecting".
      if (offlineTimer !== undefined) return;
      setConnection('reconnecting');
      offlineTimer = setTimeout(() => setConnection('offline'), OFFLINE_AFTER_MS);
    };
    const onUpdate: Parameters<TClientSocket['on']>[1] = ((update: Parameters<typeof mergeUpdate>[1]) => {
      setLastPushAt(Date.now());
      noteServerTime(update.serverTime);
      qc.setQueryData<TRoomSnapshot>(key, (snap) => (snap && snap.room.id === update.roomId ? mergeUpdate(snap, update) : snap));
    }) as never;
    const onTick = ({ serverTime }: { serverTime: number }) => {
      noteServerTime(serverTime);
    };
    const onRoomChanged = () => void qc.invalidateQueries({ queryKey: key });
    // Access ended (link revoked, signed out elsewhere): forget the room at once, so nothing
    // it showed stays on screen, and stop reconnecting — a retry cannot bring it back.
    const endAccess = (problem: TAccessProblem) => {
      clearTimeout(offlineTimer);
      ended.current = true;
      setRevoked(problem);
      qc.removeQueries({ queryKey: ['room'] });
      qc.removeQueries({ queryKey: ['incidents'] });
      socket.disconnect();
    };
    const onRevoked = () => endAccess(token ? 'revoked' : 'signin');
    const onConnectError = (err: Error) => {
      // A refused handshake after the screen had the room: the key or session died while it was away.
      const problem = socket.active ? null : accessProblem(err, token !== null);
      if (problem && wasDisconnected) endAccess(problem === 'badKey' ? 'revoked' : problem);
      else onDisconnect();
    };
    if (socket.connected) setConnection('live');
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    socket.on('session:revoked', onRevoked);
    socket.on('metrics:update', onUpdate);
    socket.on('clock:tick', onTick);
    socket.on('room:changed', onRoomChanged);
    return () => {
      clearTimeout(offlineTimer);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.off('session:revoked', onRevoked);
      socket.off('metrics:update', onUpdate);
      socket.off('clock:tick', onTick);
      socket.off('room:changed', onRoomChanged);
    };
  }, [socket, qc, key, token]);

  const access = revoked ?? (query.error && !query.data ? accessProblem(query.error, token !== null) : null);
  return { snapshot: access ? undefined : query.data, error: query.error, access, connection, lastPushAt, socket };
}
