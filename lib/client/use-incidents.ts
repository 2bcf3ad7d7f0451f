'use client';

import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { TIncidentsSubscribed } from '../events';
import type { TIncidentDetail, TIncidentDto } from '../api/incidents';
import type { TIncidentEntryDto } from '../api/incident-timeline';
import { command, getSocket, whenConnected } from './socket';
import { mergeDetail, mergeIntoList, type TListStatus } from './use-incidents-cache';
import { api } from './api';
import { noteServerTime } from './use-server-now';

const roomKey = (room: string | undefined) => room ?? '(default)';
export const incidentKeys = {
  room: (room?: string) => ['incidents', roomKey(room)] as const,
  live: (room?: string) => ['incidents', roomKey(room), 'live'] as const,
  lists: (room?: string) => ['incidents', roomKey(room), 'list'] as const,
  list: (room: string | undefined, status: TListStatus) => ['incidents', roomKey(room), 'list', status] as const,
  details: (room?: string) => ['incidents', roomKey(room), 'detail'] as const,
  detail: (room: string | undefined, ref: string | number) => ['incidents', roomKey(room), 'detail', String(ref)] as const,
};

/** Highest timeline seq this tab has applied per room: the catch-up cursor on reconnect. */
const cursors = new Map<string, number>();
/** Server clock minus this device's clock, in ms: idle flags and ages follow the server. */

/**
 * Applies incidents and entries (from a push, a catch-up or an HTTP answer) to
 * every cached list and detail of the room, and moves the room's catch-up
 * cursor to the highest seq applied (unless `advanceCursor` is false).
 */
export function applyIncidentChange(
  qc: QueryClient,
  room: string | undefined,
  incidents: TIncidentDto[],
  entries: TIncidentEntryDto[],
  advanceCursor = true,
): void {
  for (const [key, data] of qc.getQueriesData<TIncidentDto[]>({ queryKey: incidentKeys.lists(room) })) {
    if (data) qc.setQueryData(key, mergeIntoList(data, incidents, key[3] as TListStatus));
  }
  for (const [key, data] of qc.getQueriesData<TIncidentDetail>({ queryKey: incidentKeys.details(room) })) {
    if (!data) continue;
    qc.setQueryData(
      key,
      mergeDetail(
        data,
        incidents.find((i) => i.id === data.id),
        entries,
      ),
    );
  }
  // A fetch still in flight may have been answered before this change committed, and it would
  // overwrite (or, on a first load, never contain) what was just applied: start it again, after the change.
  for (const prefix of [incidentKeys.lists(room), incidentKeys.details(room)]) {
    for (const q of qc.getQueryCache().findAll({ queryKey: prefix })) {
      if (q.state.fetchStatus === 'fetching') void qc.invalidateQueries({ queryKey: q.queryKey, exact: true });
    }
  }
  const max = entries.reduce((m, e) => Math.max(m, e.seq), 0);
  if (advanceCursor && max > (cursors.get(roomKey(room)) ?? 0)) cursors.set(roomKey(room), max);
}

/**
 * Keeps a room's incident caches live: subscribes over the tab's socket,
 * applies every 'incident:changed' push, and on each (re)connect asks for
 * what happened after the last seq it saw, so a screen that was offline
 * catches up without a reload and without duplicates. Every incident hook
 * calls it; it is cheap to call from many components.
 */
function useIncidentsLive(opts: { room?: string; token?: string | null } = {}) {
  const { room, token = null } = opts;
  const qc = useQueryClient();
  const socket = useMemo(() => (typeof window === 'undefined' ? null : getSocket(token)), [token]);
  const [connection, setConnection] = useState<'connecting' | 'live' | 'reconnecting'>(socket?.connected ? 'live' : 'connecting');

  const live = useQuery({
    queryKey: incidentKeys.live(room),
    enabled: socket !== null,
    retry: (_n, err) => !/^(unauthorized|forbidden)/.test(err.message),
    retryDelay: (n) => Math.min(1000 * 2 ** n, 10_000),
    queryFn: async () => {
      await whenConnected(socket!);
      const cursor = cursors.get(roomKey(room));
      const r = await command(socket!, 'incidents:subscribe', {
        ...(room ? { room } : {}),
        ...(cursor !== undefined ? { afterSeq: cursor } : {}),
      });
      noteServerTime(r.serverTime);
      if (cursor !== undefined) {
        applyIncidentChange(qc, room, r.incidents, r.entries);
        // Missed more than one answer carries: fetch the lists and details afresh.
        if (!r.complete) void qc.invalidateQueries({ queryKey: incidentKeys.room(room), predicate: (q) => q.queryKey[2] !== 'live' });
      }
      cursors.set(roomKey(room), Math.max(cursors.get(roomKey(room)) ?? 0, r.lastSeq));
      return r;
    },
  });

  useEffect(() => {
    if (!socket) return;
    let wasDown = false;
    const onConnect = () => {
      setConnection('live');
      // Rejoin the room channel and catch up on what was missed while away.
      if (wasDown) void qc.invalidateQueries({ queryKey: incidentKeys.live(room) });
      wasDown = false;
    };
    const onDown = () => {
      wasDown = true;
      setConnection('reconnecting');
    };
    const onChanged = (p: { roomId: string; incident?: TIncidentDto; entries?: TIncidentEntryDto[] }) => {
      const sub = qc.getQueryData<TIncidentsSubscribed>(incidentKeys.live(room));
      if (sub && sub.roomId !== p.roomId) return;
      // A room's entries are numbered without holes: a push starting past the
      // cursor means one was lost (a database hiccup, Redis away). Apply this
      // one, keep the cursor before the hole, and catch up from it.
      const cursor = cursors.get(roomKey(room));
      const first = (p.entries ?? []).reduce((m, e) => Math.min(m, e.seq), Infinity);
      const gap = cursor !== undefined && first !== Infinity && first > cursor + 1;
      applyIncidentChange(qc, room, p.incident ? [p.incident] : [], p.entries ?? [], !gap);
      if (gap) void qc.invalidateQueries({ queryKey: incidentKeys.live(room) });
    };
    const onTick = ({ serverTime }: { serverTime: number }) => {
      noteServerTime(serverTime);
    };
    if (socket.connected) setConnection('live');
    socket.on('connect', onConnect);
    socket.on('disconnect', onDown);
    socket.on('incident:changed', onChanged);
    socket.on('clock:tick', onTick);
    return () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDown);
      socket.off('incident:changed', onChanged);
      socket.off('clock:tick', onTick);
    };
  }, [socket, qc, room]);

  // Without a socket (refused handshake) the lists still load over HTTP, just not live.
  const ready = live.isSuccess || live.isError;
  return { me: live.data?.me ?? null, roomId: live.data?.roomId ?? null, connection, error: live.error, socket, ready };
}

/** The room's incidents, newest first, kept live by socket. Reused by the wall and the phone view. */
export function useIncidentsQuery(opts: { room?: string; status?: TListStatus; token?: string | null } = {}) {
  const { room, status = 'open' } = opts;
  const live = useIncidentsLive(opts);
  const query = useQuery({
    queryKey: incidentKeys.list(room, status),
    // Fetch only once the room channel is joined: a change committed between
    // an earlier fetch and the join would be neither in the answer nor pushed.
    enabled: live.ready,
    queryFn: async () => (await api.incidents.list({ query: { status, room }, token: opts.token })).incidents,
  });
  return { ...query, incidents: query.data ?? [], live };
}

/** One incident (by number in the room, or id) with its timeline, kept live by socket. */
export function useIncidentQuery(ref: number | string, opts: { room?: string; token?: string | null } = {}) {
  const live = useIncidentsLive(opts);
  const query = useQuery({
    queryKey: incidentKeys.detail(opts.room, ref),
    enabled: live.ready,
    queryFn: () => api.incidents.get({ params: { id: ref }, query: { room: opts.room }, token: opts.token }),
  });
  return { ...query, incident: query.data, live };
}
