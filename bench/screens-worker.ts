/**
 * One load-generator process for bench/screens.ts: opens its share of the
 * screens and reports, per push, how long after the POST began each screen
 * received it (the push carries its POST start time, epoch ms, as the
 * headline value) and how much CPU this process spent.
 *
 * Modes: "sio" — display-link sockets through socket.io-client, as the
 * wall runs it; "raw" — the same display-link sockets speaking the
 * engine.io 4 / socket.io 5 wire protocol over a plain `ws` client (the
 * server sees the same frames: open, connect with the token, `room:join`
 * with an ack, pong to every ping, reconnect with the wall's backoff), so
 * that each push costs the load generator what a bare client costs;
 * "ws" — plain WebSocket clients of the bare `ws` server.
 */
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { SOCKET_RECONNECT } from '../lib/socket-reconnect';

/** A signed-in screen (bench/incident-push.ts): a phone (session cookie; the home page joins the room and the incident channel) or a laptop (personal token; the incident list). */
export interface TUserScreen {
  phone: boolean;
  token?: string;
  cookie?: string;
}

type TCmd =
  | { cmd: 'connect'; mode: 'sio' | 'raw' | 'ws'; url: string; token: string; count: number; concurrency: number; users?: TUserScreen[] }
  | { cmd: 'report' }
  | { cmd: 'mark' }
  | { cmd: 'close' };

const send = (m: unknown) => process.send?.(m);
const sockets: Socket[] = [];
const raws: WebSocket[] = [];
/** raw-protocol screens: the current WebSocket of each, replaced on reconnect */
const screens: { ws: WebSocket | null; closing: boolean; joined: boolean }[] = [];
let latencies: number[] = [];
/** slowest arrival of each push (keyed by its POST start time) */
let perPush = new Map<number, number>();
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
  perPush.set(v, Math.max(perPush.get(v) ?? 0, t - v));
  if (!firstUpdate) firstUpdate = update;
}

/** An incident push: its timeline entry's body carries the POST's start time (`… t0=<epoch ms>`). */
function onIncident(p: { entries?: { body: string | null }[] }): void {
  const t = now();
  const m = /t0=(\d+)/.exec(p.entries?.[0]?.body ?? '');
  if (!m) return;
  const v = Number(m[1]);
  received++;
  latencies.push(t - v);
  perPush.set(v, Math.max(perPush.get(v) ?? 0, t - v));
  if (!firstUpdate) firstUpdate = p;
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

/** socket.io-client's backoff (socket.io-client/build/esm/contrib/backo2.js) with the wall's settings */
function backoff(attempt: number): number {
  let ms = SOCKET_RECONNECT.reconnectionDelay * 2 ** attempt;
  const rand = Math.random();
  const deviation = Math.floor(rand * SOCKET_RECONNECT.randomizationFactor * ms);
  ms = (Math.floor(rand * 10) & 1) === 0 ? ms - deviation : ms + deviation;
  return Math.min(ms, SOCKET_RECONNECT.reconnectionDelayMax) | 0;
}

/**
 * A display-link screen speaking the wire protocol itself: "0{open}" →
 * "40{auth}" → "40{sid}" → `420["room:join",{}]` → "430[ack]"; "2" → "3";
 * `42["metrics:update",…]` is a push. On close it reconnects like socket.io-client.
 */
function openRaw(url: string, token: string, user?: TUserScreen): Promise<boolean> {
  return new Promise((resolve) => {
    const screen = { ws: null as WebSocket | null, closing: false, joined: false };
    screens.push(screen);
    let first = true;
    let attempt = 0;
    const settle = (ok: boolean) => {
      if (!first) return;
      first = false;
      resolve(ok);
    };
    const open = () => {
      const w = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
        perMessageDeflate: false,
        // A phone's browser sends its session cookie and its origin with the upgrade.
        ...(user?.cookie ? { headers: { cookie: user.cookie, origin: url } } : {}),
      });
      screen.ws = w;
      screen.joined = false;
      w.on('message', (data) => {
        const s = data.toString();
        if (s === '2') w.send('3');
        else if (s.startsWith('42')) {
          const [event, payload] = JSON.parse(s.slice(2)) as [string, never];
          if (event === 'metrics:update') onHeadline(payload);
          else if (event === 'incident:changed') onIncident(payload);
        } else if (s.startsWith('431')) {
          // A signed-in screen's incident channel (its last ack).
          const [r] = JSON.parse(s.slice(3)) as [{ ok: boolean }];
          screen.joined = r.ok;
          attempt = 0;
          if (first) settle(r.ok);
        } else if (user && !user.phone && s.startsWith('430')) {
          const [r] = JSON.parse(s.slice(3)) as [{ ok: boolean }];
          screen.joined = r.ok;
          attempt = 0;
          if (first) settle(r.ok);
        } else if (user?.phone && s.startsWith('430')) {
          // the phone's room join; it counts as joined once its incident channel is (431)
        } else if (s.startsWith('430')) {
          const [r] = JSON.parse(s.slice(3)) as [{ ok: boolean }];
          screen.joined = r.ok;
          attempt = 0;
          if (first) settle(r.ok);
          else if (r.ok && marked) rejoined++;
        } else if (s.startsWith('40')) {
          if (!user) w.send('420["room:join",{}]');
          else if (user.phone) {
            // The phone's home page: the room (numbers), then the incident channel.
            w.send('420["room:join",{}]');
            w.send('421["incidents:subscribe",{}]');
          } else w.send('420["incidents:subscribe",{}]');
        } else if (s[0] === '0')
          w.send(`40${user ? (user.token ? JSON.stringify({ token: user.token }) : '') : JSON.stringify({ token })}`);
        else if (s.startsWith('44') || s.startsWith('41')) {
          // Refused at connect (a bad or revoked link) on the first try: this screen failed; later, reconnect.
          if (first && s.startsWith('44')) screen.closing = true;
          w.close();
        }
      });
      w.on('error', () => {});
      w.on('close', () => {
        screen.joined = false;
        if (screen.closing) return settle(false);
        setTimeout(open, backoff(attempt++));
      });
    };
    open();
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
      if (arr[0] === 'incident:changed') onIncident(arr[1]);
      else onHeadline(arr[1]);
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
      const i = next++;
      const user = c.users?.[i % c.users.length];
      const open = c.mode === 'sio' ? openSio(c.url, c.token) : c.mode === 'raw' ? openRaw(c.url, c.token, user) : openWs(c.url);
      if (await open) ok++;
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(c.concurrency, c.count) }, lane));
  send({ ev: 'connected', ok, failed, ms: performance.now() - t0 });
}

let cpu0 = process.cpuUsage();
process.on('message', (m: TCmd) => {
  if (m.cmd === 'connect') void connectAll(m);
  else if (m.cmd === 'report') {
    const cpu = process.cpuUsage(cpu0);
    cpu0 = process.cpuUsage();
    send({
      ev: 'report',
      cpuMs: (cpu.user + cpu.system) / 1000,
      perPush: [...perPush],
      latencies,
      received,
      firstUpdate,
      rejoined,
      connected:
        sockets.filter((s) => s.connected).length +
        raws.filter((w) => w.readyState === WebSocket.OPEN).length +
        screens.filter((s) => s.joined).length,
    });
    latencies = [];
    perPush = new Map();
    received = 0;
  } else if (m.cmd === 'mark') {
    marked = true;
    rejoined = 0;
  } else if (m.cmd === 'close') {
    for (const s of sockets) s.disconnect();
    for (const w of raws) w.terminate();
    for (const s of screens) {
      s.closing = true;
      s.ws?.terminate();
    }
    sockets.length = 0;
    raws.length = 0;
    screens.length = 0;
    send({ ev: 'closed' });
  }
});
process.on('disconnect', () => process.exit(0));
send({ ev: 'ready' });
