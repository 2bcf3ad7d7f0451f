import type { ZodType } from 'zod';
import { ZIncidentChanged, ZIncidentsSubscribed, ZMetricsUpdate } from '../../lib/api/realtime';
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
      r.ok ? resolve(ZIncidentsSubscribed.parse(r.data)) : reject(new Error(r.error.code)),
    ),
  );
}

const PUSH_SCHEMAS: Record<string, ZodType | undefined> = { 'incident:changed': ZIncidentChanged, 'metrics:update': ZMetricsUpdate };

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
      // Pushes with a contract in lib/api/realtime.ts are checked against it.
      resolve((PUSH_SCHEMAS[event]?.parse(p) as T | undefined) ?? p);
    };
    s.on(event, on);
  });
}
