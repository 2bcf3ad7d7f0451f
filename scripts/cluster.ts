/**
 * Several Warroom processes behind nginx on one machine, sharing PostgreSQL
 * and Redis — the shape docs/deploy.md describes, for trying it out:
 *
 *   npx tsx scripts/cluster.ts [--processes 3] [--port 8080]
 *     DATABASE_URL=postgresql://… (required)  REDIS_URL (default redis://127.0.0.1:6379)
 *     WARROOM_SECRET (generated for this run when unset)
 *
 * Builds if needed, starts the processes on free loopback ports with
 * WARROOM_TRUST_PROXY=loopback, then nginx; Ctrl-C stops everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { buildIfNeeded, builtServer } from './build-if-needed';
import { SERVER_NODE_FLAGS } from './server-node-flags';
import { envValue } from '../server/config';
import { startNginx } from './cluster/nginx';
import { freePort } from './free-port';

const args = process.argv.slice(2);
const arg = (n: string, d: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1]! : d);
const COUNT = Math.max(1, Math.min(16, Number(arg('processes', '3'))));
const PORT = Number(arg('port', '8080'));
const DATABASE_URL = envValue('DATABASE_URL');
if (!DATABASE_URL?.startsWith('postgres')) {
  console.error('cluster: set DATABASE_URL=postgresql://… (several processes share one PostgreSQL database)');
  process.exit(2);
}
const env: Record<string, string | undefined> = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  DATABASE_URL,
  REDIS_URL: envValue('REDIS_URL') ?? 'redis://127.0.0.1:6379',
  WARROOM_SECRET: envValue('WARROOM_SECRET') ?? randomBytes(24).toString('hex'),
  WARROOM_TRUST_PROXY: envValue('WARROOM_TRUST_PROXY') ?? 'loopback',
  WARROOM_PUBLIC_URL: envValue('WARROOM_PUBLIC_URL') ?? `http://localhost:${PORT}`,
  HOST: '127.0.0.1',
};

buildIfNeeded();
const procs: ChildProcess[] = [];
const ports: number[] = [];
for (let i = 0; i < COUNT; i++) {
  const port = await freePort();
  const p = spawn(process.execPath, [...SERVER_NODE_FLAGS, builtServer()], {
    env: { ...env, PORT: String(port) } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  procs.push(p);
  ports.push(port);
  // Wait for this one before the next: the first applies migrations alone.
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`process ${i + 1} did not start in 60 s`)), 60_000);
    p.stdout!.on('data', (c: Buffer) => {
      process.stdout.write(`[${i + 1}] ${c}`);
      if (c.toString().includes('warroom ready')) {
        clearTimeout(t);
        resolve();
      }
    });
    p.once('exit', (code) => reject(new Error(`process ${i + 1} exited with ${code}`)));
  });
}
const nginx = await startNginx(
  ports.map((p) => `127.0.0.1:${p}`),
  { port: PORT },
);
console.log(`cluster: nginx on ${nginx.url} → ${ports.map((p) => `127.0.0.1:${p}`).join(', ')}`);

const stop = async () => {
  await nginx.stop();
  for (const p of procs) p.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
