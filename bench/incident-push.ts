/**
 * Incident update latency: from sending POST /incidents/:id/updates to
 * another screen receiving `incident:changed` (issue 3: "within a second").
 *
 *   npx tsx bench/incident-push.ts [--updates 100] [--db sqlite|postgres]
 */
import { cpus } from 'node:os';
import { buildIfNeeded } from '../scripts/build-if-needed';
import { api, startServer } from '../tests/helpers/server';
import { connect, nextEvent, subscribe } from '../tests/integration/incidents-helpers';

const args = process.argv.slice(2);
const arg = (n: string, d: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1]! : d);
const UPDATES = Math.min(1000, Number(arg('updates', '100')));
const DB = arg('db', 'sqlite') as 'sqlite' | 'postgres';

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
