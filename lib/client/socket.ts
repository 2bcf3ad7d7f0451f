'use client';

import type { Socket } from 'socket.io-client';
import type { TAck } from '../errors';
import type { ClientToServerEvents, ServerToClientEvents, TRoomSnapshot } from '../events';
import { ApiError } from './api';
import { SOCKET_RECONNECT } from '../socket-reconnect';
import { noteServerTime } from './use-server-now';

export type TClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: TClientSocket | null = null;
let socketToken: string | null = null;

type TIo = typeof import('socket.io-client')['io'];
let io: TIo | null = null;
let loading: Promise<TIo> | null = null;

/**
 * The tab's one socket for `token`, once socket.io-client has loaded (null
 * before: `socketFor` loads it). The library is not in the page's first load:
 * a screen's HTML already carries what it shows, and the phone on slow 4G
 * paints and hydrates without its 13 kB gzip (issue 26); it is asked
 * for when the first live screen mounts, after the first paint.
 */
export function loadedSocket(token: string | null = null): TClientSocket | null {
  return io ? getSocket(io, token) : null;
}

/** The tab's one socket for `token`, loading socket.io-client on first use. */
export async function socketFor(token: string | null = null): Promise<TClientSocket> {
  loading ??= import('socket.io-client').then(
    (m) => {
      io = m.io;
      return m.io;
    },
    (err: unknown) => {
      // The network went as the page loaded (a phone on a train): the next caller asks again.
      loading = null;
      throw err;
    },
  );
  return getSocket(await loading, token);
}

/**
 * The tab's one socket, created in the browser on first use. A display-link
 * key (wall without sign-in) travels in the handshake's auth; otherwise the
 * session cookie does. Reconnects by itself with capped, jittered backoff.
 * Its `clock:tick` sets the tab's server clock here, once for every screen.
 */
function getSocket(io: TIo, token: string | null): TClientSocket {
  if (socket && socketToken === token) return socket;
  socket?.disconnect();
  socketToken = token;
  socket = io({
    path: '/socket.io',
    transports: ['websocket'],
    auth: token ? { token } : {},
    withCredentials: true,
    reconnection: true,
    ...SOCKET_RECONNECT,
  });
  socket.on('clock:tick', ({ serverTime }) => noteServerTime(serverTime));
  // First of the socket's 'connect' listeners, so a screen re-rendered by the connect already reads it.
  const s = socket;
  s.on('connect', () => connects.set(s, { at: Date.now(), count: (connects.get(s)?.count ?? 0) + 1 }));
  return socket;
}

const connects = new WeakMap<TClientSocket, { at: number; count: number }>();

/** When the socket last connected (ms, this tab's clock): data read before it is from before the drop. */
export function connectedSince(s: TClientSocket): number {
  return connects.get(s)?.at ?? 0;
}

/** Whether the socket has connected more than once: its current connection is a reconnect. */
export function reconnected(s: TClientSocket): boolean {
  return (connects.get(s)?.count ?? 0) > 1;
}

type TCommand = keyof ClientToServerEvents;
/** What a command's ack carries on success, read off the event map. */
export type TCommandData<K extends TCommand> = Parameters<ClientToServerEvents[K]>[1] extends (r: TAck<infer T>) => void ? T : never;

/**
 * Emits a command and resolves with its ack's data, or rejects with an
 * ApiError carrying the ack's code and field details. Payload and answer are
 * typed by the event map in lib/events.ts.
 */
export function command<K extends TCommand>(
  s: TClientSocket,
  event: K,
  payload: Parameters<ClientToServerEvents[K]>[0],
  timeoutMs = 10_000,
): Promise<TCommandData<K>> {
  return new Promise((resolve, reject) => {
    // socket.io's typed emit cannot follow a generic event name; the signature above is what callers see.
    const timed = s.timeout(timeoutMs);
    const emit = timed.emit as unknown as (e: K, p: unknown, cb: (err: Error | null, r: TAck<TCommandData<K>>) => void) => void;
    emit.call(timed, event, payload, (err, r) => {
      if (err) return reject(err);
      if (r.ok) resolve(r.data);
      else reject(new ApiError(0, r.error.code, r.error.message, r.error.details ?? []));
    });
  });
}

/**
 * Resolves once the socket is connected. A refused handshake (no session, a
 * revoked display link) rejects with the server's reason: the client does not
 * retry those by itself, and the screen should say why.
 */
export function whenConnected(socket: TClientSocket): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onConnect = () => {
      socket.off('connect_error', onError);
      resolve();
    };
    const onError = (err: Error) => {
      if (socket.active) return; // a network failure: socket.io keeps retrying
      socket.off('connect', onConnect);
      reject(err);
    };
    socket.once('connect', onConnect);
    socket.on('connect_error', onError);
  });
}

/**
 * Resolves once the socket is connected, like `whenConnected`; a socket whose
 * handshake was refused before anyone waited (it is made during render) is
 * asked to connect again first, so the refusal reaches the caller instead of
 * it waiting forever.
 */
export function connected(socket: TClientSocket): Promise<void> {
  if (!socket.connected && !socket.active) socket.connect();
  return whenConnected(socket);
}

/**
 * The joins of each connection, per room: settled once the join was answered. They hold nothing of the
 * answer: a room's snapshot belongs to the query that asked for it, and a join kept its snapshot alive
 * for as long as the connection lasted (a full day's history, beside the one the screen shows).
 */
const joined = new WeakMap<TClientSocket, Map<string, Promise<void>>>();

/** Whether this connection of the socket has joined (or is joining) the room's channel. */
export function hasJoined(s: TClientSocket, room: string | undefined): boolean {
  return joined.get(s)?.has(room ?? '') ?? false;
}

/**
 * Resolves once this connection has joined the room's channel, sharing the
 * joins under way rather than sending another: it first lets the current
 * turn end (a screen's own join, sent when the same connect or mount ran
 * its effects, is then under way) and waits for every join of this
 * connection to settle (a default-room join answers with the room's slug,
 * and counts for it). Only a room nobody joined is joined here.
 */
export async function roomJoined(s: TClientSocket, room: string | undefined): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  const rooms = joined.get(s);
  if (rooms) await Promise.allSettled([...rooms.values()]);
  const known = joined.get(s)?.get(room ?? '');
  if (known) return known;
  await joinRoom(s, room);
}

/**
 * Joins a room's channel so its pushes reach this socket, answering the
 * room's snapshot read now (the room's live view on mount, after
 * `room:changed`, after a reconnect). Hooks that only need the pushes wait
 * for it through `roomJoined` instead of sending their own. The only place
 * that sends `room:join`; a reconnect forgets the joins, and live queries
 * join again on `connect`.
 */
export function joinRoom(s: TClientSocket, room: string | undefined): Promise<TRoomSnapshot> {
  let rooms = joined.get(s);
  if (!rooms) {
    const map = new Map<string, Promise<void>>();
    rooms = map;
    joined.set(s, map);
    s.on('disconnect', () => map.clear());
  }
  const k = room ?? '';
  const p = command(s, 'room:join', room ? { room } : {});
  const done: Promise<void> = p.then(
    (snap) => {
      // The default room's join is the join of its slug too (while this connection lasts: a drop clears the map).
      if (rooms.get(k) === done && !rooms.has(snap.room.slug)) rooms.set(snap.room.slug, done);
    },
    (err: unknown) => {
      if (rooms.get(k) === done) rooms.delete(k);
      throw err;
    },
  );
  // Nobody may be waiting on the marker: its failure is the caller's to handle, through `p`.
  done.catch(() => {});
  rooms.set(k, done);
  return p;
}
