/**
 * N live screens against one server, and the same N against a bare `ws`
 * fan-out in the same run (issue 15). Screens are display-link sockets from
 * two load-generator processes (bench/screens-worker.ts), all in one room;
 * one headline point is POSTed a second and every screen times its arrival.
 *
 *   npx tsx bench/screens.ts [--screens 10000] [--pushes 20] [--db sqlite|postgres] [--no-storm] [--client raw|socket.io]
 *
 * `--client raw` (the default) has the screens speak socket.io's wire
 * protocol over plain `ws` clients, as cheap per message as the bare
 * clients, so that the latency ratio compares the servers and not the two
 * client libraries sharing the server's cores; `--client socket.io` runs
 * socket.io-client, as the wall does. The load generators' CPU per push is
 * printed for both servers.
 *
 * `--cpu-prof DIR` has the server write V8 CPU profiles when it stops;
 * `--json FILE` writes the figures as JSON as well.
 * Prints joins/s (empty room; 13 h of 10-second history), server RSS per
 * screen, POST → screen p50/p99/max, delivered/expected, server CPU per push
 * (from /proc/<pid>/stat, idle CPU subtracted), the reconnect storm after a
 * restart, then the bare-ws figures and the ratios. Loopback only; every
 * wait is bounded.
 */
import { fork, type ChildProcess, spawnSync, execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { buildIfNeeded } from '../scripts/build-if-needed';
import { startServer } from '../tests/helpers/server';

const args = process.argv.slice(2);
const arg = (n: string, d: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1]! : d);
const N = Math.max(2, Math.min(20_000, Number(arg('screens', '10000'))));
const PUSHES = Math.max(1, Math.min(100, Number(arg('pushes', '20'))));
const DB = arg('db', 'sqlite') as 'sqlite' | 'postgres';
const STORM = !args.includes('--no-storm');
const CLIENT = arg('client', 'raw') === 'socket.io' ? 'sio' : 'raw';
/** --json FILE: the figures as JSON too (tests/integration/bench-screens.test.ts runs a small bench) */
const JSON_OUT = args.includes('--json') ? arg('json', '') : null;
/** --cpu-prof DIR: the server writes V8 CPU profiles there when it stops (open in Chrome DevTools) */
const PROFILE_DIR = args.includes('--cpu-prof') ? arg('cpu-prof', '/tmp/warroom-prof') : null;
const WORKERS = 2;
const HISTORY_HOURS = 13;
/** one socket.io ping cycle (pingInterval in server/realtime/io.ts); `--idle-window MS` shortens it for a smoke run */
const IDLE_WINDOW_MS = Math.max(500, Number(arg('idle-window', '10000')));

// 10k sockets need 10k descriptors in the server and in each load generator: raise the limit once, in a wrapper shell.
if (!process.env.WARROOM_BENCH_ULIMIT) {
  const r = spawnSync(
    'bash',
    [
      '-c',
      'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"',
      process.execPath,
      '--import',
      'tsx',
      ...process.argv.slice(1),
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, WARROOM_BENCH_ULIMIT: '1' },
    },
  );
  process.exit(r.status ?? 1);
}
const fdLimit = Number(execSync('bash -c "ulimit -n"').toString().trim());
if (fdLimit < N / WORKERS + 1000) throw new Error(`open-file limit ${fdLimit} is too low for ${N} screens`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();
const TICK = 100; // USER_HZ on Linux
function cpuMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / TICK;
}
const rssKiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);

// biome-ignore lint/suspicious/noExplicitAny: worker messages are checked by their ev field
type TMsg = { ev: string } & Record<string, any>;
const workers: ChildProcess[] = [];
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
const all = (msg: unknown, ev: string, timeoutMs?: number) => Promise.all(workers.map((w) => ask(w, msg, ev, timeoutMs)));

async function connect(
  mode: 'sio' | 'raw' | 'ws',
  url: string,
  token: string,
): Promise<{ joinsPerSec: number; seconds: number; failed: number }> {
  const r = await all({ cmd: 'connect', mode, url, token, count: N / WORKERS, concurrency: 250 }, 'connected');
  const seconds = Math.max(...r.map((x) => x.ms)) / 1000;
  const ok = r.reduce((s, x) => s + x.ok, 0);
  return { joinsPerSec: ok / seconds, seconds, failed: r.reduce((s, x) => s + x.failed, 0) };
}

const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

/** After one warm-up push, POSTs one headline point a second; returns delivery, latency and CPU per push net of idle. */
async function pushes(pid: number, post: (t0: number) => Promise<void>) {
  // One unmeasured push first, for either server: the first POST loads and compiles the route's
  // code (≈ 0.5 s here), which a server serving a night has long done.
  await post(now());
  await sleep(1500);
  await all({ cmd: 'report' }, 'report'); // reset
  // Idle CPU (socket.io's heartbeats: a ping to every screen every 10 s) over one whole ping cycle,
  // so that a shorter window does not catch the cycle's busier part.
  const idle0 = cpuMs(pid);
  await sleep(IDLE_WINDOW_MS);
  const idleRate = (cpuMs(pid) - idle0) / IDLE_WINDOW_MS;
  await all({ cmd: 'report' }, 'report'); // the load generators' CPU from here
  const c0 = cpuMs(pid);
  const start = performance.now();
  for (let i = 0; i < PUSHES; i++) {
    const due = start + i * 1000;
    await sleep(Math.max(0, due - performance.now()));
    await post(now());
  }
  await sleep(1500);
  const duration = performance.now() - start;
  const cpu = cpuMs(pid) - c0;
  const reports = await all({ cmd: 'report' }, 'report');
  const lat = reports.flatMap((r) => r.latencies as number[]).sort((a, b) => a - b);
  const received = reports.reduce((s, r) => s + r.received, 0);
  const slowest = new Map<number, number>();
  for (const r of reports) for (const [t0, ms] of r.perPush as [number, number][]) slowest.set(t0, Math.max(slowest.get(t0) ?? 0, ms));
  console.log(`slowest arrival per push, ms: ${[...slowest.values()].map((ms) => ms.toFixed(0)).join(' ')}`);
  return {
    p50: pct(lat, 0.5),
    p99: pct(lat, 0.99),
    max: lat.at(-1) ?? Number.NaN,
    delivered: received / (N * PUSHES),
    cpuPerPush: (cpu - idleRate * duration) / PUSHES,
    grossCpu: cpu / PUSHES,
    idlePerSec: idleRate * 1000,
    clientCpu: reports.reduce((sum, x) => sum + (x.cpuMs as number), 0) / PUSHES,
    firstUpdate: reports.find((r) => r.firstUpdate)?.firstUpdate as { latest: { name: string; value: number }[] } | undefined,
  };
}

for (let i = 0; i < WORKERS; i++) {
  const w = fork(new URL('./screens-worker.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'] });
  workers.push(w);
  await ask(w, null, 'ready', 30_000);
}

buildIfNeeded();
const server = await startServer({ db: DB, nodeFlags: PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [] });
const ours: Record<string, number> = {};
const bare: Record<string, number> = {};
let frameTemplate: { latest: { name: string; value: number }[] } | undefined;
let storm = '';
try {
  const key = await server.createIngestKey();
  const display = await server.createDisplayLink();
  const room = await server.ctx.prisma.room.findFirstOrThrow({ where: { isDefault: true } });
  const pid = server.proc.pid!;
  const rss0 = rssKiB(pid);

  const empty = await connect(CLIENT, server.url, display);
  ours.joinsEmpty = empty.joinsPerSec;
  // Memory held per open screen: measured here, before the joins with history, whose 50 KB answers
  // (10,000 of them within seconds) leave the allocator's high-water mark in RSS.
  ours.rssPerScreen = (rssKiB(pid) - rss0) / N;
  console.log(`joined ${N} screens to an empty room in ${empty.seconds.toFixed(1)} s (${empty.failed} failed)`);
  await all({ cmd: 'close' }, 'closed');
  await sleep(2000);

  // A 13 h night of 10-second points for both headline series, through the sample store.
  const end = Date.now() - 10_000;
  const rows = [];
  for (let t = end - HISTORY_HOURS * 3600_000; t <= end; t += 10_000) {
    const users = Math.round(1e6 + ((t - end) / 3600_000 + HISTORY_HOURS) * 5e5 + Math.random() * 1e4);
    rows.push(
      { name: 'users_total', labelsKey: '', time: t, value: users },
      { name: 'users_online', labelsKey: '', time: t, value: Math.round(users / 30) },
    );
  }
  for (let i = 0; i < rows.length; i += 2000) await server.ctx.samples.insertBatch(room.id, rows.slice(i, i + 2000));
  console.log(`seeded ${rows.length} history points (${HISTORY_HOURS} h every 10 s, two series)`);

  const hist = await connect(CLIENT, server.url, display);
  ours.joinsHistory = hist.joinsPerSec;
  ours.joinFailures = empty.failed + hist.failed;
  ours.rssAfterHistory = (rssKiB(pid) - rss0) / N;
  console.log(`joined ${N} screens to the room with history in ${hist.seconds.toFixed(1)} s (${hist.failed} failed)`);

  const r = await pushes(pid, async (t0) => {
    const res = await fetch(`${server.url}/api/v1/metrics`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ points: [{ name: 'users_total', value: t0 }] }),
    });
    if (res.status !== 202 && res.status !== 200) throw new Error(`POST /metrics: ${res.status} ${await res.text()}`);
  });
  const { firstUpdate, ...figures } = r;
  Object.assign(ours, figures);
  frameTemplate = firstUpdate;

  if (STORM) {
    for (const w of workers) w.send({ cmd: 'mark' });
    const k0 = performance.now();
    await server.kill();
    const restart = performance.now();
    await server.restart();
    const ready = performance.now();
    let back = 0;
    while (performance.now() - k0 < 90_000) {
      await sleep(250);
      const rep = await all({ cmd: 'report' }, 'report');
      back = rep.reduce((s, x) => s + x.rejoined, 0);
      if (back >= N) break;
    }
    const t = (performance.now() - k0) / 1000;
    ours.stormSeconds = t;
    ours.stormRejoined = back;
    storm = `reconnect storm: server killed, restarted in ${((ready - restart) / 1000).toFixed(1)} s; ${back}/${N} screens rejoined ${t.toFixed(1)} s after the kill (${((performance.now() - ready) / 1000).toFixed(1)} s after ready)`;
    console.log(storm);
  }
  await all({ cmd: 'close' }, 'closed');
} finally {
  await server.stop();
}

// The floor: a bare ws server sending the same bytes to the same N clients.
const bareProc = fork(new URL('./screens-bare-ws.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'] });
try {
  const { port } = await ask(bareProc, null, 'listening', 30_000);
  const url = `http://127.0.0.1:${port}`;
  const rss0 = rssKiB(bareProc.pid!);
  const c = await connect('ws', url, '');
  bare.joinsEmpty = c.joinsPerSec;
  bare.rssPerScreen = (rssKiB(bareProc.pid!) - rss0) / N;
  const template = frameTemplate ?? { latest: [{ name: 'users_total', value: 0 }] };
  const r = await pushes(bareProc.pid!, async (t0) => {
    const update = { ...template, latest: template.latest.map((l) => (l.name === 'users_total' ? { ...l, value: t0 } : l)) };
    await fetch(`${url}/push`, { method: 'POST', body: `42${JSON.stringify(['metrics:update', update])}` });
  });
  const { firstUpdate: _, ...figures } = r;
  Object.assign(bare, figures);
  await all({ cmd: 'close' }, 'closed');
} finally {
  bareProc.kill();
  for (const w of workers) w.kill();
}

const f = (v: number | undefined, d = 0) => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(d));
const ratio = (a?: number, b?: number) => (a === undefined || b === undefined || !b ? '—' : `${(a / b).toFixed(2)}×`);
console.log(
  `\nmachine: ${cpus().length} cores, node ${process.version}, database ${DB}, ${N} screens (${CLIENT === 'sio' ? 'socket.io-client' : 'wire protocol over ws'}) from ${WORKERS} processes, ${PUSHES} pushes 1/s`,
);
const rowsOut: [string, string, string, string][] = [
  ['joins/s, empty room', f(ours.joinsEmpty), `${f(bare.joinsEmpty)} (connects)`, ratio(bare.joinsEmpty, ours.joinsEmpty)],
  [`joins/s, ${HISTORY_HOURS} h history`, f(ours.joinsHistory), '—', '—'],
  ['server RSS per screen, KiB', f(ours.rssPerScreen, 1), f(bare.rssPerScreen, 1), ratio(ours.rssPerScreen, bare.rssPerScreen)],
  ['server RSS per screen after the joins with history, KiB', f(ours.rssAfterHistory, 1), '—', ''],
  ['POST → screen p50, ms', f(ours.p50), f(bare.p50), ratio(ours.p50, bare.p50)],
  ['POST → screen p99, ms', f(ours.p99), f(bare.p99), ratio(ours.p99, bare.p99)],
  ['POST → screen max, ms', f(ours.max), f(bare.max), ratio(ours.max, bare.max)],
  ['delivered / expected', `${f((ours.delivered ?? 0) * 100, 2)} %`, `${f((bare.delivered ?? 0) * 100, 2)} %`, ''],
  ['server CPU per push, ms (idle subtracted)', f(ours.cpuPerPush), f(bare.cpuPerPush), ratio(ours.cpuPerPush, bare.cpuPerPush)],
  ['server CPU per push, ms (heartbeats included)', f(ours.grossCpu), f(bare.grossCpu), ratio(ours.grossCpu, bare.grossCpu)],
  ['server CPU idle, ms/s', f(ours.idlePerSec), f(bare.idlePerSec), ''],
  ['load generators CPU per push, ms', f(ours.clientCpu), f(bare.clientCpu), ratio(ours.clientCpu, bare.clientCpu)],
  ['reconnect storm: all back after kill, s', f(ours.stormSeconds, 1), '—', ''],
];
console.log('| | Warroom | bare ws | ratio |\n|---|---|---|---|');
for (const row of rowsOut) console.log(`| ${row.join(' | ')} |`);
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ screens: N, pushes: PUSHES, db: DB, client: CLIENT, ours, bare }));
process.exit(0);
