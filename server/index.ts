// One process, one port: Next.js (pages and /api/v1) and socket.io.
// First: colour off before any library reads the environment (a log file gets no escape codes).
import './plain-logs';
import { createServer } from 'node:http';
import { parse } from 'node:url';
import next from 'next';
import { bootstrap } from './bootstrap';
import { envValue } from './config';
import { setRuntime } from './context';
import { attachRealtime, SOCKET_PATH } from './realtime/io';
import { watchRevocations } from './auth/watch-revocations';
import { startMilestoneCrossings } from './reactors/milestone-crossings';
import { answerClientError, createRequestGate, refuseConnect } from './http/request-gate';
import { clientAddress, parseTrustProxy } from './http/client-address';
import { startPrometheus } from './observability/prometheus';
import { startProbeScheduler } from './reactors/probe-scheduler';
import { startOutboxWorker } from './reactors/outbox-worker';
import { startEscalation } from './reactors/escalation';
import { startChannelHealthWatch } from './reactors/channel-health-watch';
import { startRuleEvaluator } from './reactors/rule-evaluator';
import { startCapacityEvaluator } from './reactors/capacity-evaluator';
import { clearServerInfo, loadDotEnv, writeServerInfo } from './server-info';
import { needsSetup } from './services/users/needs-setup';

// The same settings the admin CLI reads.
loadDotEnv();

async function main() {
  const runtime = await bootstrap();
  const { config } = runtime;
  const dev = config.NODE_ENV === 'development';
  setRuntime(runtime);

  const app = next({ dev, dir: process.cwd(), hostname: 'localhost', port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const nextUpgrade = app.getUpgradeHandler();

  const gate = createRequestGate();
  const trustProxy = parseTrustProxy(config.WARROOM_TRUST_PROXY);
  let socketsOpen = () => 0;
  const prometheus = startPrometheus(runtime, { socketsOpen: () => socketsOpen() });
  const server = createServer((req, res) => {
    prometheus.timeRequest(req, res);
    // The client's address for per-address login limits, overwriting anything a client sent:
    // the TCP peer, or what a trusted proxy (WARROOM_TRUST_PROXY) put in X-Forwarded-For.
    req.headers['x-warroom-client-ip'] = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustProxy);
    // GET /metrics is answered here, outside Next (and outside proxy.ts): the counters live in this process.
    if (prometheus.matches(req.url)) return void prometheus.serve(req, res);
    // Odd methods, undecodable paths and unknown API paths are answered here, never by a 500 from Next.
    if (gate(req, res)) return;
    void handle(req, res, parse(req.url ?? '/', true));
  });
  server.on('connect', refuseConnect);
  server.on('clientError', answerClientError);
  // socket.io answers upgrades on its own path; everything else (Next's HMR in
  // dev) goes to Next. One listener decides, so the two never fight over a socket.
  const realtime = await attachRealtime(runtime, server, prometheus.observer);
  socketsOpen = () => realtime.io.engine.clientsCount;
  // Revocations made by the CLI or another process close this process's sockets too.
  const stopRevocationWatch = watchRevocations(runtime);
  // Reactors: domain logic that follows domain events (no sockets inside).
  // Signals: probes run from the database's schedule; rules follow ingested points.
  const stopReactors = [
    startMilestoneCrossings(runtime),
    startProbeScheduler(runtime),
    startRuleEvaluator(runtime),
    startCapacityEvaluator(runtime),
    // Notifications: the outbox is sent by one process of the install; unclaimed incidents escalate into it.
    startOutboxWorker(runtime),
    startEscalation(runtime),
    // Screens learn at once when a channel starts failing or recovers (the wall's "DingTalk failing since 12:03").
    startChannelHealthWatch(runtime),
  ];
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith(SOCKET_PATH)) void nextUpgrade(req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = config.WARROOM_PUBLIC_URL ?? `http://localhost:${port}`;
  // With PORT=0 the port is known only now: links in messages, password links and display links use the real one.
  config.publicUrl = url;
  // The CLI on this database prints links to this server, at its real port.
  writeServerInfo(config.DATABASE_URL, { url, pid: process.pid });
  console.log(`warroom ready on ${url} (${runtime.database.provider}${config.REDIS_URL ? ', redis' : ''})`);
  if (await needsSetup({ ctx: runtime })) console.log(`no account yet: open ${url}/setup to create the first admin`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await Promise.allSettled(stopReactors.map((stop) => stop()));
    prometheus.stop();
    stopRevocationWatch();
    await realtime.close();
    await new Promise<void>((r) => server.close(() => r()));
    await app.close?.();
    await runtime.close();
    clearServerInfo(config.DATABASE_URL, process.pid);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // Set by the test harness (tests/helpers/server.ts): a server never outlives the test process that
  // started it, so a runner killed on a timeout leaves no server behind ticking on a shared machine.
  if (envValue('WARROOM_EXIT_WITH_PARENT') === '1') {
    const parent = process.ppid;
    setInterval(() => process.ppid !== parent && void shutdown('parent gone'), 1000).unref();
  }
}

/** Why the server cannot serve, in one line a person can act on. */
function startFailure(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { port?: number; address?: string };
  if (e?.code === 'EADDRINUSE')
    return `port ${e.port ?? envValue('PORT') ?? 3000} is already in use (another Warroom?); stop it or set PORT`;
  if (e?.code === 'EACCES') return `not allowed to listen on port ${e.port ?? envValue('PORT') ?? 3000}; use a port above 1023`;
  if (e?.code === 'ECONNREFUSED')
    return `the database does not answer (${e.address ?? ''}${e.port ? `:${e.port}` : ''}); check DATABASE_URL`;
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}

main().catch((err) => {
  console.error(`warroom failed to start: ${startFailure(err)}`);
  process.exit(1);
});
