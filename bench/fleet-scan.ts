/**
 * The pool scan and the fleet GET at 1,000 servers (issue 13: "fast for
 * 1,000 servers × 5 metrics"). Prints figures; asserts nothing about time.
 *
 *   npx tsx bench/fleet-scan.ts [--servers 1000] [--runs 50] [--db sqlite|postgres] [--no-http]
 */
import { cpus } from 'node:os';
import { judgeFleet } from '../lib/fleet/judge';
import { scanOutliers, type TScanInput } from '../lib/fleet/outliers';

const args = process.argv.slice(2);
const arg = (n: string, d: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1]! : d);
const SERVERS = Math.min(20_000, Number(arg('servers', '1000')));
const RUNS = Math.min(1000, Number(arg('runs', '50')));
const DB = arg('db', 'sqlite') as 'sqlite' | 'postgres';
const METRICS = ['cpu_ratio', 'mem_ratio', 'error_ratio', 'connections', 'latency_ms'];

function stats(ms: number[]): string {
  const s = ms.slice().sort((a, b) => a - b);
  const p = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!.toFixed(2);
  return `p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${s.at(-1)!.toFixed(2)} ms`;
}

/** A pool with a little spread and one node at ten times the error ratio. */
function pool(n: number): TScanInput[] {
  let seed = 7;
  const rnd = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  return Array.from({ length: n }, (_, i) => ({
    name: `web-${i + 1}`,
    metrics: {
      cpu_ratio: 0.4 + rnd() * 0.1,
      mem_ratio: 0.5 + rnd() * 0.1,
      error_ratio: i === 42 ? 0.01 : 0.0008 + rnd() * 0.0004,
      connections: 2000 + rnd() * 400,
      latency_ms: 40 + rnd() * 10,
    },
  }));
}

console.log(`machine: ${cpus().length} cores, node ${process.version}`);
const servers = pool(SERVERS);
const scan: number[] = [];
let found = 0;
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  found = scanOutliers(servers).size;
  scan.push(performance.now() - t0);
}
console.log(`scanOutliers, ${SERVERS} servers × ${METRICS.length} metrics, ${RUNS} runs: ${stats(scan)} (outliers found: ${found})`);

const now = Date.now();
const latest = servers.flatMap((s) =>
  METRICS.map((m) => ({ name: m, labels: { server: s.name }, value: s.metrics[m]!, time: new Date(now - 1000).toISOString() })),
);
const judge: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  judgeFleet({ latest, lines: [], staleAfterSeconds: 30, now });
  judge.push(performance.now() - t0);
}
console.log(`judgeFleet (group + lines + scan + sort, what the wall runs each second), ${latest.length} series: ${stats(judge)}`);

if (!args.includes('--no-http')) {
  const { buildIfNeeded } = await import('../scripts/build-if-needed');
  const { api, startServer } = await import('../tests/helpers/server');
  buildIfNeeded();
  const server = await startServer({ db: DB });
  try {
    const [ingest, viewer] = await Promise.all([server.createIngestKey(), server.createUser('viewer')]);
    // An hour of history at one point a minute, so the sparkline read has something to read.
    for (let m = 60; m >= 0; m -= 1) {
      const points = latest.map((p) => ({ name: p.name, labels: p.labels, value: p.value, time: Date.now() - m * 60_000 }));
      for (let i = 0; i < points.length; i += 10_000) {
        const res = await api(server, 'POST', '/api/v1/metrics', { token: ingest, body: { points: points.slice(i, i + 10_000) } });
        if (res.status !== 202) throw new Error(`ingest ${res.status}`);
      }
    }
    for (const [label, path] of [
      ['GET /rooms/:room/servers', '/api/v1/rooms/launch/servers'],
      ['GET /rooms/:room/servers?spark=60 (the servers page)', '/api/v1/rooms/launch/servers?spark=60'],
    ] as const) {
      const times: number[] = [];
      let n = 0;
      for (let r = 0; r < Math.min(RUNS, 20); r++) {
        const t0 = performance.now();
        const res = await api(server, 'GET', path, { token: viewer.token });
        times.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        n = res.body.servers.length;
      }
      console.log(`${label}, ${n} servers, database ${DB}: ${stats(times)}`);
    }
  } finally {
    await server.stop();
  }
}
