/**
 * Incident update latency: from sending POST /incidents/:id/updates to
 * another screen receiving `incident:changed` (issue 3: "within a second").
 *
 *   npx tsx bench/incident-push.ts [--updates 100] [--db sqlite|postgres]
 *
 * With `--screens N` (issue 26): N signed-in screens from two load-generator
 * processes (bench/screens-worker.ts, the raw socket.io wire-protocol
 * client) — half phones (a viewer's session cookie; the home page joins the
 * room and the incident channel), half laptops (an engineer's personal
 * token; the incident list) — and `--updates` posts, one a second; each
 * screen times the push from the moment the POST began (the update's body
 * carries it). In the same run, the same N clients of a bare `ws` server
 * (bench/screens-bare-ws.ts) sent the same bytes: the frame our server sent.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import type { TUserScreen } from './screens-worker';
import { buildIfNeeded } from '../scripts/build-if-needed';
import { api, startServer } from '../tests/helpers/server';
import { connect, nextEvent, subscribe } from '../tests/integration/incidents-helpers';

const args = process.argv.slice(2);
const arg = (n: string, d: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1]! : d);
const UPDATES = Math.min(1000, Number(arg('updates', '100')));
const DB = arg('db', 'sqlite') as 'sqlite' | 'postgres';

if (args.includes('--screens')) {
  await fanOut(Math.max(2, Math.min(10_000, Number(arg('screens', '1000')))), Math.max(1, Math.min(100, Number(arg('updates', '20')))));
  process.exit(0);
}

buildIfNeeded();
const server = await startServer({ db: DB });
try {
  const [eng, viewer] = await Promise.all([server.createUser('engineer'), server.createUser('viewer')]);
  const inc = (await api(server, 'POST', '/api/v1/incidents', { token: eng.token, body: { title: 'bench', severity: 'SEV3' } })).body;
  const screen = await connect(server, viewer.token);
  await subscribe(screen);
  const waits: number[] = [];
  for (let n = 0; n < UPDATES; n++) {
    const body = `update ${n}`;
    const pushed = nextEvent<{ entries?: { body: string | null }[] }>(
      screen,
      'incident:changed',
      (p) => !!p.entries?.some((e) => e.body === body),
    );
    const t0 = performance.now();
    const res = await api(server, 'POST', `/api/v1/incidents/${inc.id}/updates`, { token: eng.token, body: { body } });
    if (res.status !== 201) throw new Error(`update ${n}: ${res.status}`);
    await pushed;
    waits.push(performance.now() - t0);
  }
  screen.disconnect();
  waits.sort((a, b) => a - b);
  const p = (q: number) => waits[Math.min(waits.length - 1, Math.floor(q * waits.length))]!.toFixed(0);
  console.log(`machine: ${cpus().length} cores, node ${process.version}, database ${DB}`);
  console.log(
    `POST /updates → incident:changed on another screen, ${UPDATES} updates: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms, max ${waits.at(-1)!.toFixed(0)} ms`,
  );
} finally {
  await server.stop();
}

// biome-ignore lint/suspicious/noExplicitAny: worker messages are checked by their ev field
type TMsg = { ev: string } & Record<string, any>;
function ask(w: ChildProcess, msg: unknown, ev: string, timeoutMs = 300_000): Promise<TMsg> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not answer ${ev} in ${timeoutMs} ms`)), timeoutMs);
    const on = (m: TMsg) => {
      if (m.ev !== ev) return;
      clearTimeout(timer);
      w.off('message', on);
      resolve(m);
    };
    w.on('message', on);
    if (msg) w.send(msg as object);
  });
}
function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
function wallNow() {
  return performance.timeOrigin + performance.now();
}
function load() {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

async function fanOut(N: number, U: number) {
  buildIfNeeded();
  console.log(
    `incident push to ${N} signed-in screens, ${U} updates, ${DB}; ${cpus().length} cores, node ${process.version}; load ${load()}`,
  );
  const server = await startServer({ db: DB });
  const workers = [0, 1].map(() => fork(new URL('./screens-worker.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'] }));
  const bareProc = fork(new URL('./screens-bare-ws.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'] });
  try {
    await Promise.all(workers.map((w) => ask(w, null, 'ready', 60_000)));
    const all = (msg: unknown, ev: string) => Promise.all(workers.map((w) => ask(w, msg, ev)));
    const eng = await server.createUser('engineer', 'Poster');
    // Ten phones' people signed in by password (session cookies), ten laptops' with personal tokens.
    const users: TUserScreen[] = [];
    for (let i = 0; i < 10; i++) {
      const v = await server.createUser('viewer');
      const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ email: v.email, password: v.password }),
      });
      if (!res.ok) throw new Error(`sign-in answered ${res.status}`);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      users.push({ phone: true, cookie });
      users.push({ phone: false, token: (await server.createUser('engineer')).token });
    }
    const inc = (await api(server, 'POST', '/api/v1/incidents', { token: eng.token, body: { title: 'fan-out', severity: 'SEV2' } })).body;
    const connect = async (mode: 'raw' | 'ws', url: string) => {
      const r = await all({ cmd: 'connect', mode, url, token: '', count: N / 2, concurrency: 100, users }, 'connected');
      const ok = r.reduce((n, x) => n + x.ok, 0);
      const failed = r.reduce((n, x) => n + x.failed, 0);
      return { ok, failed, seconds: Math.max(...r.map((x) => x.ms)) / 1000 };
    };
    const measure = async (post: (t0: number) => Promise<void>) => {
      await post(wallNow()); // warm-up, unmeasured
      await sleep(1500);
      await all({ cmd: 'report' }, 'report');
      for (let u = 0; u < U; u++) {
        await post(wallNow());
        await sleep(1000);
      }
      await sleep(1500);
      const r = await all({ cmd: 'report' }, 'report');
      const lat = r.flatMap((x) => x.latencies as number[]).sort((a, b) => a - b);
      const p = (q: number) => lat[Math.min(lat.length - 1, Math.floor(q * lat.length))] ?? Number.NaN;
      return {
        delivered: lat.length / (N * U),
        p50: p(0.5),
        p95: p(0.95),
        p99: p(0.99),
        max: lat.at(-1) ?? Number.NaN,
        first: r[0]!.firstUpdate,
      };
    };

    const c1 = await connect('raw', server.url);
    console.log(`ours: ${c1.ok} screens joined in ${c1.seconds.toFixed(1)} s (${c1.failed} refused)`);
    let frame = '';
    const ours = await measure(async (t0) => {
      const res = await api(server, 'POST', `/api/v1/incidents/${inc.id}/updates`, {
        token: eng.token,
        body: { body: `fan-out t0=${Math.round(t0)}` },
      });
      if (res.status !== 201) throw new Error(`update: ${res.status}`);
    });
    // The bytes our server sent for one update: the same frame, with each push's own start time.
    frame = `42${JSON.stringify(['incident:changed', ours.first])}`;
    await all({ cmd: 'close' }, 'closed');

    const { port } = await ask(bareProc, null, 'listening', 30_000);
    const bareUrl = `http://127.0.0.1:${port}`;
    const c2 = await connect('ws', bareUrl);
    console.log(`bare ws: ${c2.ok} clients connected in ${c2.seconds.toFixed(1)} s; frame ${Buffer.byteLength(frame)} bytes`);
    const bare = await measure(async (t0) => {
      const res = await fetch(`${bareUrl}/push`, { method: 'POST', body: frame.replace(/t0=\d+/, `t0=${Math.round(t0)}`) });
      await res.text();
    });
    await all({ cmd: 'close' }, 'closed');

    const f = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '—');
    console.log(`\nload average at the end ${load()}`);
    console.log('                               ours    bare ws   ratio');
    for (const [label, k] of [
      ['POST → screen p50, ms', 'p50'],
      ['POST → screen p95, ms', 'p95'],
      ['POST → screen p99, ms', 'p99'],
      ['POST → screen max, ms', 'max'],
    ] as const)
      console.log(
        `${label.padEnd(30)} ${f(ours[k]).padStart(5)} ${f(bare[k]).padStart(10)} ${(ours[k] / bare[k]).toFixed(2).padStart(6)}×`,
      );
    console.log(
      `${'delivered / expected'.padEnd(30)} ${(ours.delivered * 100).toFixed(1).padStart(4)}% ${(bare.delivered * 100).toFixed(1).padStart(9)}%`,
    );
    console.log(`\n${N} screens: p99 ${f(ours.p99)} ms (target < 100 ms), bare ws p99 ${f(bare.p99)} ms`);
  } finally {
    for (const w of workers) w.kill();
    bareProc.kill();
    await server.stop();
  }
}
