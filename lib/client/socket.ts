'use client';

import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../events';

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
    reconnectionDelay: 500,
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
  });
  return socket;
}

/** Emits a command and resolves with its ack's data, or rejects with its error. */
export function command<T>(s: TClientSocket, event: keyof ClientToServerEvents, payload: unknown, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    (s.timeout(timeoutMs) as unknown as { emit: (e: string, p: unknown, cb: (err: Error | null, r: { ok: boolean; data?: T; error?: { message: string } }) => void) => void }).emit(
      event,
      payload,
      (err, r) => {
        if (err) return reject(err);
        if (r.ok) resolve(r.data as T);
        else reject(new Error(r.error?.message ?? 'request failed'));
      },
    );
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
