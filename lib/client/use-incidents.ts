'use client';

import { type QueryClient, type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TIncidentsSubscribed } from '../events';
import type { TIncidentDetail, TIncidentDto } from '../api/incidents';
import type { TIncidentEntryDto } from '../api/incident-timeline';
import { connectionOnceRead } from './connection-state';
import { command, connectedSince, reconnected, type TClientSocket, whenConnected } from './socket';
import { mergeDetail, mergeIntoList, type TListStatus } from './use-incidents-cache';
import { api } from './api';
import { queryKeys, useLiveQuery } from './live-query';
import { useConnection, useTabSocket } from './use-connection';
import { noteServerTime } from './use-server-now';

const roomKey = (room: string | undefined) => room ?? '(default)';

/** Highest timeline seq this tab has applied per room: the catch-up cursor on reconnect. */
const cursors = new Map<string, number>();

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
  const lists = queryKeys.incidentLists(room);
  for (const [key, data] of qc.getQueriesData<TIncidentDto[]>({ queryKey: lists })) {
    if (data) qc.setQueryData(key, mergeIntoList(data, incidents, key[lists.length] as TListStatus));
  }
  for (const [key, data] of qc.getQueriesData<TIncidentDetail>({ queryKey: queryKeys.incidentDetails(room) })) {
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
  for (const prefix of [lists, queryKeys.incidentDetails(room)]) {
    for (const q of qc.getQueryCache().findAll({ queryKey: prefix })) {
      if (q.state.fetchStatus === 'fetching') void qc.invalidateQueries({ queryKey: q.queryKey, exact: true });
    }
  }
  const max = entries.reduce((m, e) => Math.max(m, e.seq), 0);
  if (advanceCursor && max > (cursors.get(roomKey(room)) ?? 0)) cursors.set(roomKey(room), max);
}

/**
 * Joins the room's incident channel, asking for what happened after the last
 * seq this tab saw (none on the first join), and applies it: a screen that
 * was offline catches up without a reload and without duplicates.
 */
async function subscribe(qc: QueryClient, socket: TClientSocket, room: string | undefined): Promise<TIncidentsSubscribed> {
  await whenConnected(socket);
  const cursor = cursors.get(roomKey(room));
  const r = await command(socket, 'incidents:subscribe', {
    ...(room ? { room } : {}),
    ...(cursor !== undefined ? { afterSeq: cursor } : {}),
  });
  noteServerTime(r.serverTime);
  if (cursor !== undefined) {
    applyIncidentChange(qc, room, r.incidents, r.entries);
    // Missed more than one answer carries: fetch the lists and details afresh (not this subscription).
    const at = queryKeys.incidents(room).length;
    if (!r.complete) void qc.invalidateQueries({ queryKey: queryKeys.incidents(room), predicate: (q) => q.queryKey[at] !== 'live' });
  }
  cursors.set(roomKey(room), Math.max(cursors.get(roomKey(room)) ?? 0, r.lastSeq));
  return r;
}

/**
 * Applies one `incident:changed` push. A room's entries are numbered without
 * holes: a push starting past the cursor means one was lost (a database
 * hiccup, Redis away). Apply this one, keep the cursor before the hole, and
 * catch up from it (the subscription, `key`, is read again).
 */
export function onIncidentChanged(
  p: { roomId: string; incident?: TIncidentDto; entries?: TIncidentEntryDto[] },
  qc: QueryClient,
  key: QueryKey,
  room: string | undefined,
): void {
  const sub = qc.getQueryData<TIncidentsSubscribed>(key);
  if (sub && sub.roomId !== p.roomId) return;
  const cursor = cursors.get(roomKey(room));
  const first = (p.entries ?? []).reduce((m, e) => Math.min(m, e.seq), Infinity);
  const gap = cursor !== undefined && first !== Infinity && first > cursor + 1;
  applyIncidentChange(qc, room, p.incident ? [p.incident] : [], p.entries ?? [], !gap);
  if (gap) void qc.invalidateQueries({ queryKey: key });
}

/**
 * Keeps a room's incident caches live: the subscription is a live query over
 * the tab's socket (`incidents:subscribe`, read again with the seq cursor
 * after every reconnect) whose `incident:changed` pushes update every cached
 * list and detail of the room. Every incident hook calls it; it is cheap to
 * call from many components.
 */
function useIncidentsLive(opts: { room?: string; token?: string | null } = {}) {
  const { room, token = null } = opts;
  const qc = useQueryClient();
  const socket = useTabSocket(token);
  const { connection } = useConnection(socket, { hasKey: token !== null });

  const live = useLiveQuery({
    queryKey: queryKeys.incidentsLive(room),
    enabled: socket !== null,
    retry: (_n, err) => !/^(unauthorized|forbidden)/.test(err.message),
    retryDelay: (n) => Math.min(1000 * 2 ** n, 10_000),
    queryFn: () => subscribe(qc, socket!, room),
    socket,
    refetchOnConnect: 'reconnect',
    on: { 'incident:changed': (p, qc, key) => onIncidentChanged(p, qc, key, room) },
  });

  // Without a socket (refused handshake) the lists still load over HTTP, just not live.
  const ready = live.isSuccess || live.isError;
  return {
    // Live only once this connection's subscription (with its catch-up) was answered.
    connection: socket
      ? connectionOnceRead(connection, live.data === undefined ? null : live.dataUpdatedAt, connectedSince(socket), reconnected(socket))
      : connection,
    error: live.error,
    ready,
  };
}

/** The room's incidents, newest first, kept live by socket. Reused by the wall and the phone view. */
export function useIncidentsQuery(opts: { room?: string; status?: TListStatus; token?: string | null } = {}) {
  const { room, status = 'open' } = opts;
  const live = useIncidentsLive(opts);
  const query = useQuery({
    queryKey: queryKeys.incidentList(room, status),
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
    queryKey: queryKeys.incidentDetail(opts.room, ref),
    enabled: live.ready,
    queryFn: () => api.incidents.get({ params: { id: ref }, query: { room: opts.room }, token: opts.token }),
  });
  return { ...query, incident: query.data, live };
}
