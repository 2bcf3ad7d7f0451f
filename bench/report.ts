/**
 * The night report's build time for a 14-hour night of 10-second points of
 * both headline series (5,040 each) and 200 incidents (claimed, updated, most
 * resolved), in the service and over HTTP (JSON and Markdown).
 *
 *   npx tsx bench/report.ts [--db sqlite|postgres] [--runs 5]
 */
import { cpus } from 'node:os';
import { buildIfNeeded } from '../scripts/build-if-needed';
import { api, startServer } from '../tests/helpers/server';
import type { TActor } from '../server/services/access/actor';
import { createIncident } from '../server/services/incidents/create-incident';
import { claimIncident } from '../server/services/incidents/claim-incident';
import { postUpdate } from '../server/services/incidents/post-update';
import { changeStatus } from '../server/services/incidents/change-status';
import { buildReport } from '../server/services/report/build-report';
import { reportToMarkdown } from '../server/services/report/report-markdown';

const args = process.argv.slice(2);
const arg = (n: string, d: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1]! : d);
const DB = arg('db', 'sqlite') as 'sqlite' | 'postgres';
const RUNS = Math.max(1, Math.min(20, Number(arg('runs', '5'))));
const HOURS = 14;
const STEP_MS = 10_000;
const INCIDENTS = 200;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

buildIfNeeded();
const server = await startServer({ db: DB });
try {
  const ctx = server.ctx;
  const room = await ctx.prisma.room.findFirstOrThrow({ where: { isDefault: true } });
  const [eng, viewer] = await Promise.all([server.createUser('engineer'), server.createUser('viewer')]);
  const actor: TActor = { kind: 'user', userId: eng.id, name: eng.name, email: eng.email, role: 'engineer', via: 'token' };

  const to = Date.now();
  const from = to - HOURS * 3600_000;
  const rows: { name: string; labelsKey: string; time: number; value: number }[] = [];
  for (let t = from, i = 0; t <= to; t += STEP_MS, i++) {
    rows.push({ name: 'users_total', labelsKey: '', time: t, value: 1_250_000 + i * 1300 + Math.round(Math.sin(i / 50) * 2000) });
    rows.push({ name: 'users_online', labelsKey: '', time: t, value: 300_000 + Math.round(Math.sin(i / 400) * 120_000) });
  }
  for (let i = 0; i < rows.length; i += 10_000) await ctx.samples.insertBatch(room.id, rows.slice(i, i + 10_000));

  const seedStart = performance.now();
  for (let n = 0; n < INCIDENTS; n++) {
    const inc = await createIncident({
      ctx,
      actor,
      input: { title: `bench incident ${n}`, severity: (['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const)[n % 4]! },
    });
    if (n % 10 === 9) continue; // some stay unclaimed
    await claimIncident({ ctx, actor, ref: inc.id });
    await postUpdate({ ctx, actor, ref: inc.id, input: { body: `looking at ${n}` } });
    if (n % 4 === 0) continue; // some stay open
    const { version } = await ctx.prisma.incident.findUniqueOrThrow({ where: { id: inc.id }, select: { version: true } });
    await changeStatus({ ctx, actor, ref: inc.id, input: { status: 'resolved', version } });
  }
  const seedMs = performance.now() - seedStart;
  const window = { from, to: Date.now() };

  const service = await time(() => buildReport({ ctx, actor, ...window }));
  const report = await buildReport({ ctx, actor, ...window });
  const md = await time(async () => reportToMarkdown(report));
  const q = `from=${window.from}&to=${window.to}`;
  const httpJson = await time(async () => {
    const r = await api(server, 'GET', `/api/v1/rooms/${room.slug}/report?${q}`, { token: viewer.token });
    if (r.status !== 200) throw new Error(`report: ${r.status}`);
  });
  const httpMd = await time(async () => {
    const r = await api(server, 'GET', `/api/v1/rooms/${room.slug}/report?${q}&format=md`, { token: viewer.token });
    if (r.status !== 200) throw new Error(`report md: ${r.status}`);
  });
  const json = JSON.stringify(report);
  console.log(`machine: ${cpus().length} cores, node ${process.version}, database ${DB}`);
  console.log(
    `night: ${HOURS} h of ${STEP_MS / 1000}-second points, ${rows.length} samples (2 series), ${INCIDENTS} incidents (${report.incidents.length} in the report, ${report.timeToResolve.count} resolved); seeding incidents took ${(seedMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `report JSON: ${(json.length / 1024).toFixed(0)} KiB, ${report.chart.minutes.length} replay stops, ${report.timeline.length} key moments`,
  );
  console.log(
    `build (service, in process), median of ${RUNS}: ${median(service).toFixed(0)} ms (min ${Math.min(...service).toFixed(0)}, max ${Math.max(...service).toFixed(0)})`,
  );
  console.log(`Markdown rendering, median of ${RUNS}: ${median(md).toFixed(1)} ms`);
  console.log(`GET /report (JSON) over HTTP, median of ${RUNS}: ${median(httpJson).toFixed(0)} ms`);
  console.log(`GET /report?format=md over HTTP, median of ${RUNS}: ${median(httpMd).toFixed(0)} ms`);
} finally {
  await server.stop();
}
