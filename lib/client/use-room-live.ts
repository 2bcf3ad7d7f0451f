'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { TRoomSnapshot } from '../events';
import { mergeUpdate } from './merge-update';
import { command, getSocket, whenConnected, type TClientSocket } from './socket';
import { noteServerTime } from './use-server-now';

export type TConnection = 'connecting' | 'live' | 'reconnecting' | 'offline';

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

  const query = useQuery({
    queryKey: key,
    enabled: socket !== null,
    // A refused handshake will not succeed by retrying; anything else will, eventually.
    retry: (_n, err) => !/^(unauthorized|forbidden)/.test(err.message),
    retryDelay: (n) => Math.min(1000 * 2 ** n, 10_000),
    queryFn: async () => {
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
    if (socket.connected) setConnection('live');
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onDisconnect);
    socket.on('metrics:update', onUpdate);
    socket.on('clock:tick', onTick);
    socket.on('room:changed', onRoomChanged);
    return () => {
      clearTimeout(offlineTimer);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onDisconnect);
      socket.off('metrics:update', onUpdate);
      socket.off('clock:tick', onTick);
      socket.off('room:changed', onRoomChanged);
    };
  }, [socket, qc, key]);

  return { snapshot: query.data, error: query.error, connection, lastPushAt, socket };
}
