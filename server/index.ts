// One process, one port: Next.js (pages and /api/v1) and socket.io.
import { createServer } from 'node:http';
import { parse } from 'node:url';
import next from 'next';
import { bootstrap } from './bootstrap';
import { setRuntime } from './context';
import { attachRealtime, SOCKET_PATH } from './realtime/io';
import { watchRevocations } from './auth/watch-revocations';
import { startMilestoneCrossings } from './reactors/milestone-crossings';
import { answerClientError, createRequestGate, refuseConnect } from './http/request-gate';

async function main() {
  const runtime = await bootstrap();
  const { config } = runtime;
  const dev = config.NODE_ENV === 'development';
  setRuntime(runtime);

  const app = next({ dev, dir: process.cwd(), hostname: 'localhost', port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const nextUpgrade = app.getUpgradeHandler();

  // Odd methods, undecodable paths and unknown API paths are answered here, never by a 500 from Next.
  const gate = createRequestGate();
  const server = createServer((req, res) => {
    // The TCP peer, overwriting anything a client sent, for per-address login limits.
    req.headers['x-warroom-client-ip'] = req.socket.remoteAddress ?? 'unknown';
    if (gate(req, res)) return;
    void handle(req, res, parse(req.url ?? '/', true));
  });
  server.on('connect', refuseConnect);
  server.on('clientError', answerClientError);
  // socket.io answers upgrades on its own path; everything else (Next's HMR in
  // dev) goes to Next. One listener decides, so the two never fight over a socket.
  const realtime = await attachRealtime(runtime, server);
  // Revocations made by the CLI or another process close this process's sockets too.
  const stopRevocationWatch = watchRevocations(runtime);
  // Reactors: domain logic that follows domain events (no sockets inside).
  const stopReactors = [startMilestoneCrossings(runtime)];
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith(SOCKET_PATH)) void nextUpgrade(req, socket, head);
  });

  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  console.log(`warroom ready on http://localhost:${port} (${runtime.database.provider}${config.REDIS_URL ? ', redis' : ''})`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    for (const stop of stopReactors) stop();
    stopRevocationWatch();
    await realtime.close();
    await new Promise<void>((r) => server.close(() => r()));
    await app.close?.();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error('warroom failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
