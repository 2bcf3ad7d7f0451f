'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { TRoomSnapshot } from '../events';
import { accessProblem, connectionOnceRead } from './connection-state';
import { answered, handOver } from './hand-over';
import { queryKeys, useLiveQuery } from './live-query';
import { mergeUpdate } from './merge-update';
import { connected, connectedSince, joinRoom, reconnected } from './socket';
import { useConnection, useTabSocket } from './use-connection';
import { noteServerTime } from './use-server-now';

/**
 * A room's live state: the snapshot from `room:join` (through the socket
 * layer, fresh on every fetch), kept current by `metrics:update` pushes and
 * read again after `room:changed` and after every reconnect, so a screen
 * catches up without a reload. With it, the socket's state
 * (`useConnection`) and why the room may not be shown at all (`access`).
 */
export function useRoomLive(slug: string | undefined, token: string | null = null) {
  const qc = useQueryClient();
  const socket = useTabSocket(token);
  const hasKey = token !== null;
  // Access ended (link revoked, signed out elsewhere): forget the room at once, so nothing
  // it showed stays on screen (its incidents included); the socket layer stops the socket.
  const conn = useConnection(socket, {
    hasKey,
    onAccessEnded: () => qc.removeQueries({ queryKey: ['room'] }),
    // The phone's numbers come in the page's HTML: a session refused on its first handshake ended after that read.
    showsRoom: qc.getQueryData(queryKeys.roomLive(slug)) !== undefined,
  });

  const query = useLiveQuery({
    queryKey: queryKeys.roomLive(slug),
    enabled: socket !== null,
    // A refused handshake will not succeed by retrying; anything else will, eventually.
    retry: (_n, err) => accessProblem(err, hasKey) === null,
    retryDelay: (n) => Math.min(1000 * 2 ** n, 10_000),
    queryFn: async () => {
      // Access ended: never again (a reload with a new link starts over).
      if (conn.isEnded()) return new Promise<never>(() => {});
      await connected(socket!);
      const snap = await joinRoom(socket!, slug);
      noteServerTime(snap.serverTime);
      return answered(snap);
    },
    // The cache keeps a copy of each join's snapshot and the snapshot keeps none: a finished fetch's answer can
    // stay reachable for as long as the page lives, and a wall's is a day of history (hand-over.ts).
    structuralSharing: handOver,
    socket,
    refetchOnConnect: 'reconnect',
    on: {
      'metrics:update': (update, qc, key) => {
        noteServerTime(update.serverTime);
        qc.setQueryData<TRoomSnapshot>(key, (snap) => (snap && snap.room.id === update.roomId ? mergeUpdate(snap, update) : snap));
      },
      'room:changed': 'refetch',
    },
  });

  const access = conn.ended ?? (query.error && !query.data ? accessProblem(query.error, hasKey) : null);
  return {
    snapshot: access ? undefined : query.data,
    error: query.error,
    access,
    // Live only once the room's snapshot (or a push) landed on this connection.
    connection: socket
      ? connectionOnceRead(
          conn.connection,
          query.data === undefined ? null : query.dataUpdatedAt,
          connectedSince(socket),
          reconnected(socket),
        )
      : conn.connection,
    socket,
  };
}
