/**
 * One load-generator process for bench/screens.ts: opens its share of the
 * screens — display-link socket.io sockets joined to a room (mode "sio"), or
 * plain WebSocket clients of the bare `ws` server (mode "ws") — and reports,
 * per push, how long after the POST began each screen received it. The push
 * carries its POST start time (epoch ms) as the headline value.
 */
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { SOCKET_RECONNECT } from '../lib/socket-reconnect';

type TCmd =
  | { cmd: 'connect'; mode: 'sio' | 'ws'; url: string; token: string; count: number; concurrency: number }
  | { cmd: 'report' }
  | { cmd: 'mark' }
  | { cmd: 'close' };

const send = (m: unknown) => process.send?.(m);
const sockets: Socket[] = [];
const raws: WebSocket[] = [];
let latencies: number[] = [];
let received = 0;
let firstUpdate: unknown = null;
let rejoined = 0;
let marked = false;
const now = () => performance.timeOrigin + performance.now();

function onHeadline(update: { latest?: { name: string; value: number }[] }): void {
  const t = now();
  const v = update.latest?.find((l) => l.name === 'users_total')?.value;
  if (typeof v !== 'number') return;
  received++;
  latencies.push(t - v);
  if (!firstUpdate) firstUpdate = update;
}

function openSio(url: string, token: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token },
      reconnection: true,
      ...SOCKET_RECONNECT,
      timeout: 60_000,
    });
    sockets.push(s);
    let first = true;
    // Like a wall: on every (re)connect join the room again and take a fresh snapshot.
    s.on('connect', () => {
      s.timeout(60_000).emit('room:join', {}, (err: Error | null, r: { ok: boolean }) => {
        const ok = !err && r?.ok;
        if (first) {
          first = false;
          resolve(!!ok);
        } else if (ok && marked) {
          rejoined++;
        }
      });
    });
    s.on('connect_error', () => {
      if (first && !s.active) {
        first = false;
        resolve(false);
      }
    });
    s.on('metrics:update', onHeadline);
  });
}

function openWs(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const w = new WebSocket(url.replace(/^http/, 'ws'), { perMessageDeflate: false });
    raws.push(w);
    w.on('open', () => resolve(true));
    w.on('error', () => resolve(false));
    w.on('message', (data) => {
      const s = data.toString();
      // The same bytes socket.io sends: 42["metrics:update",{...}]
      const arr = JSON.parse(s.slice(2)) as [string, never];
      onHeadline(arr[1]);
    });
  });
}

async function connectAll(c: Extract<TCmd, { cmd: 'connect' }>): Promise<void> {
  const t0 = performance.now();
  let next = 0;
  let ok = 0;
  let failed = 0;
  const lane = async () => {
    while (next < c.count) {
      next++;
      if (await (c.mode === 'sio' ? openSio(c.url, c.token) : openWs(c.url))) ok++;
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(c.concurrency, c.count) }, lane));
  send({ ev: 'connected', ok, failed, ms: performance.now() - t0 });
}

process.on('message', (m: TCmd) => {
  if (m.cmd === 'connect') void connectAll(m);
  else if (m.cmd === 'report') {
    send({
      ev: 'report',
      latencies,
      received,
      firstUpdate,
      rejoined,
      connected: sockets.filter((s) => s.connected).length + raws.filter((w) => w.readyState === WebSocket.OPEN).length,
    });
    latencies = [];
    received = 0;
  } else if (m.cmd === 'mark') {
    marked = true;
    rejoined = 0;
  } else if (m.cmd === 'close') {
    for (const s of sockets) s.disconnect();
    for (const w of raws) w.terminate();
    sockets.length = 0;
    raws.length = 0;
    send({ ev: 'closed' });
  }
});
process.on('disconnect', () => process.exit(0));
send({ ev: 'ready' });
