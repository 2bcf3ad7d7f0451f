import { checkedAnswer, checkedPush } from '../helpers/contract';
import { io, type Socket } from 'socket.io-client';
import type { TAck } from '../../lib/errors';
import type { TIncidentsSubscribed } from '../../lib/events';
import type { TTestServer } from '../helpers/server';

export { DB_KINDS as KINDS } from '../helpers/server';

export function connect(server: TTestServer, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = io(server.url, { path: '/socket.io', transports: ['websocket'], auth: { token }, reconnection: false });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

export function subscribe(s: Socket, p: { room?: string; afterSeq?: number } = {}): Promise<TIncidentsSubscribed> {
  return new Promise((resolve, reject) =>
    s.emit('incidents:subscribe', p, (r: TAck<TIncidentsSubscribed>) =>
      r.ok ? resolve(checkedAnswer('incidents:subscribe', r.data)) : reject(new Error(r.error.code)),
    ),
  );
}

/** Resolves with the first push of `event` matching pred. */
export function nextEvent<T>(s: Socket, event: string, pred: (p: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      s.off(event, on);
      reject(new Error(`no ${event} in time`));
    }, timeoutMs);
    const on = (p: T) => {
      if (!pred(p)) return;
      clearTimeout(t);
      s.off(event, on);
      // Every push is checked against its strict schema in the socket table (lib/api/socket.ts).
      resolve(checkedPush<T>(event, p));
    };
    s.on(event, on);
  });
}
