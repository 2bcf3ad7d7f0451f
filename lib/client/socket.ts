'use client';

import { io, type Socket } from 'socket.io-client';
import type { TAck } from '../errors';
import type { ClientToServerEvents, ServerToClientEvents } from '../events';
import { ApiError } from './api';
import { SOCKET_RECONNECT } from '../socket-reconnect';

export type TClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: TClientSocket | null = null;
let socketToken: string | null = null;

/**
 * The tab's one socket, created in the browser on first use. A display-link
 * key (wall without sign-in) travels in the handshake's auth; otherwise the
 * session cookie does. Reconnects by itself with capped, jittered backoff.
 */
export function getSocket(token: string | null = null): TClientSocket {
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
  return socket;
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

const joined = new WeakMap<TClientSocket, Map<string, Promise<unknown>>>();

/**
 * Joins a room's channel so its pushes reach this socket: once per room per
 * connection, however many hooks on the page ask (the first join's snapshot
 * is the answer they share). The only place outside use-room-live that sends
 * `room:join`; a reconnect forgets the joins, and hooks join again on `connect`.
 */
export function joinRoom(s: TClientSocket, room: string | undefined): Promise<unknown> {
  let rooms = joined.get(s);
  if (!rooms) {
    const fresh = new Map<string, Promise<unknown>>();
    rooms = fresh;
    joined.set(s, fresh);
    s.on('disconnect', () => fresh.clear());
  }
  const k = room ?? '';
  let p = rooms.get(k);
  if (!p) {
    p = command(s, 'room:join', room ? { room } : {}).catch((err: unknown) => {
      rooms.delete(k);
      throw err;
    });
    rooms.set(k, p);
  }
  return p;
}
