'use client';

import { type QueryClient, type QueryKey, type UseQueryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Socket } from 'socket.io-client';
import type { ServerToClientEvents } from '../events';
import { connectedSince, hasJoined, roomJoined, type TClientSocket } from './socket';
import { useTabSocket } from './use-connection';
import type { TListStatus } from './use-incidents-cache';

/**
 * Every live query's key, from one factory: two screens reading the same
 * resource share one cache entry, and a push invalidates it by name.
 * `room` is the slug; undefined means the default room.
 */
export const queryKeys = {
  room: (room: string | undefined) => ['room', room ?? '(default)'] as const,
  roomSettings: (room: string | undefined) => [...queryKeys.room(room), 'settings'] as const,
  servers: (room: string | undefined) => [...queryKeys.room(room), 'servers'] as const,
  drains: (room: string | undefined) => [...queryKeys.room(room), 'drains'] as const,
  probes: (room: string | undefined) => [...queryKeys.room(room), 'probes'] as const,
  rules: (room: string | undefined) => [...queryKeys.room(room), 'rules'] as const,
  handovers: (room: string | undefined) => [...queryKeys.room(room), 'handovers'] as const,
  plan: (room: string | undefined) => [...queryKeys.room(room), 'plan'] as const,
  capacity: (room: string | undefined) => [...queryKeys.room(room), 'capacity'] as const,
  channels: (room: string | undefined) => [...queryKeys.room(room), 'channels'] as const,
  deliveries: (room: string | undefined) => [...queryKeys.room(room), 'deliveries'] as const,
  channelHealth: (room: string | undefined) => [...queryKeys.room(room), 'channel-health'] as const,
  /** the room's live view: the `room:join` snapshot, moved on by `metrics:update` */
  roomLive: (room: string | undefined) => [...queryKeys.room(room), 'live'] as const,
  /** every incident query of the room (lists, details, the subscription) */
  incidents: (room: string | undefined) => [...queryKeys.room(room), 'incidents'] as const,
  /** the room's incident channel: the `incidents:subscribe` answer, and the catch-up after a reconnect */
  incidentsLive: (room: string | undefined) => [...queryKeys.incidents(room), 'live'] as const,
  incidentLists: (room: string | undefined) => [...queryKeys.incidents(room), 'list'] as const,
  incidentList: (room: string | undefined, status: TListStatus) => [...queryKeys.incidentLists(room), status] as const,
  incidentDetails: (room: string | undefined) => [...queryKeys.incidents(room), 'detail'] as const,
  incidentDetail: (room: string | undefined, ref: string | number) => [...queryKeys.incidentDetails(room), String(ref)] as const,
  /** escalations addressed to the signed-in lead (their own channel, whatever room is open) */
  escalations: () => ['me', 'escalations'] as const,
};

type TPush = keyof ServerToClientEvents;
type TPayload<K extends TPush> = Parameters<ServerToClientEvents[K]>[0];
/** What a push does to the query: 'refetch', or a function that updates the cache itself (setQueryData). */
type TOnPush = { [K in TPush]?: 'refetch' | ((payload: TPayload<K>, qc: QueryClient, key: QueryKey) => void) };

/**
 * When a (re)connect refetches the query. 'connect' (the default): every
 * connect, the first too — an HTTP read made before the room was joined may
 * have missed a push, and pushes sent while away are lost. 'reconnect': only
 * a connect after a drop, for a query that reads over the socket itself and
 * so waits for the first connect anyway (`room:join`, `incidents:subscribe`).
 * 'never': a push-only query, which has nothing to read again.
 */
type TRefetchOnConnect = 'connect' | 'reconnect' | 'never';

/**
 * The one live query: a TanStack query under a key from `queryKeys`, kept
 * current by the socket. A push named in `on` refetches it (or updates the
 * cache by its function); a connect refetches it as `refetchOnConnect` says.
 * `join` names the room whose channel carries its pushes: the query joins
 * it (through the socket layer, sharing a join already under way on this
 * connection, the screen's own included), and a read after a connect waits
 * for that join, so no push falls between the read and the join. Every
 * query of a room's data names it. `socket`: the wall's display-link
 * socket, or 'session' for the signed-in tab's socket.
 */
export function useLiveQuery<TData, TSelected = TData>(
  opts: UseQueryOptions<TData, Error, TSelected, QueryKey> & {
    queryKey: QueryKey;
    socket: TClientSocket | null | 'session';
    on: TOnPush;
    join?: { room: string | undefined };
    refetchOnConnect?: TRefetchOnConnect;
  },
) {
  const { socket: which, on, join, refetchOnConnect = 'connect', ...query } = opts;
  const qc = useQueryClient();
  // The handlers may be new objects each render; the effect reads the latest without resubscribing.
  const onRef = useRef(on);
  onRef.current = on;
  const keyText = JSON.stringify(query.queryKey);
  const joinRoomSlug = join ? (join.room ?? '') : null;
  const enabled = query.enabled !== false;
  const sessionSocket = useTabSocket(null, which === 'session');
  const socket = which === 'session' ? sessionSocket : which;
  useEffect(() => {
    if (!enabled || !socket) return;
    // pushes are named at run time here; their payload types were checked where `on` was written
    const raw: Socket = socket;
    const key = JSON.parse(keyText) as QueryKey;
    const refetch = () => void qc.invalidateQueries({ queryKey: key });
    // The room's join on this connection (shared with the screen's own), or null for a query of no room. A
    // read waits for it: a push sent between an HTTP read and the join would reach no one, and the read made
    // before it would stay on screen.
    const doJoin = (): Promise<unknown> | null =>
      joinRoomSlug === null ? null : roomJoined(socket, joinRoomSlug || undefined).catch(() => {});
    const refetchAfter = (joining: Promise<unknown> | null) => (joining ? void joining.then(refetch) : refetch());
    let wasDown = false;
    const onConnect = () => {
      const joining = doJoin();
      if (refetchOnConnect === 'connect' || (refetchOnConnect === 'reconnect' && wasDown)) refetchAfter(joining);
      wasDown = false;
    };
    const onDisconnect = () => {
      wasDown = true;
    };
    const handlers = Object.keys(onRef.current).map((event) => {
      const handler = (payload: unknown) => {
        const h = onRef.current[event as TPush];
        if (h === 'refetch') refetch();
        else if (h) (h as (p: unknown, q: QueryClient, k: QueryKey) => void)(payload, qc, key);
      };
      raw.on(event, handler);
      return [event, handler] as const;
    });
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    if (socket.connected) {
      // The room not joined yet on this connection (a screen opened on a connected socket): the query's first
      // read may run before the join, as on a connect.
      const firstJoin = joinRoomSlug !== null && !hasJoined(socket, joinRoomSlug || undefined);
      const joining = doJoin();
      // A reconnect this screen did not see (it was not mounted: the phone back from an incident page): the
      // cache holds what was read before it, and pushes sent meanwhile never reached it. Read it again.
      const updatedAt = qc.getQueryState(key)?.dataUpdatedAt ?? 0;
      const missed = updatedAt > 0 && updatedAt < connectedSince(socket);
      if (refetchOnConnect !== 'never' && (missed || (firstJoin && refetchOnConnect === 'connect'))) refetchAfter(joining);
    }
    return () => {
      for (const [event, handler] of handlers) raw.off(event, handler);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
    };
  }, [socket, qc, keyText, joinRoomSlug, enabled, refetchOnConnect]);
  return useQuery(query);
}
