// Starts Warroom exactly as `npm start` does (scripts/start.ts: build if
// needed, then server/index.ts) in a child process with this process's
// environment — same PORT, same DATABASE_URL — and waits until it is ready.
import { spawn, type ChildProcess } from 'node:child_process';
import { pause } from './client';
import { SERVER_NODE_FLAGS } from '../server-node-flags';

export interface TRunningWarroom {
  url: string;
  proc: ChildProcess;
  /** SIGTERM, then waits for the exit (SIGKILL after 15 s) */
  stop(): Promise<void>;
}

/** A first start may build the web app first (tens of seconds on two cores). */
const START_TIMEOUT_MS = 10 * 60_000;
const READY_LINE = /warroom ready on http:\/\/[^:\s]+:(\d+)/;

export async function startWarroom(
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<TRunningWarroom> {
  const proc = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'scripts/start.ts'], {
    cwd: opts.cwd ?? process.cwd(),
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const kill = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    proc.kill('SIGTERM');
    await exited;
    clearTimeout(kill);
  };

  // The server's own output goes to ours; its ready line tells the port (PORT=0 picks a free one).
  let seen = '';
  const port = new Promise<number>((resolve) => {
    proc.stdout!.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (seen.length < 100_000) seen += chunk.toString();
      const m = READY_LINE.exec(seen);
      if (m) resolve(Number(m[1]));
    });
  });
  proc.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));

  const timeoutMs = opts.timeoutMs ?? START_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const failed = Promise.race([
    exited.then((code) => {
      throw new Error(`Warroom exited with code ${code} before it was ready`);
    }),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Warroom was not ready within ${timeoutMs / 1000} s`)), timeoutMs);
    }),
  ]);
  try {
    const p = await Promise.race([port, failed]);
    const url = `http://127.0.0.1:${p}`;
    await Promise.race([waitReady(url, opts.signal), failed]);
    return { url, proc, stop };
  } catch (err) {
    await stop();
    throw err;
  } finally {
    clearTimeout(timer);
    failed.catch(() => {}); // settled later by the exit at shutdown; nobody waits for it then
  }
}

/** Polls GET /api/v1/ready until it answers 200 (the database answers): at most 120 tries, 250 ms apart. */
async function waitReady(url: string, signal?: AbortSignal): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`${url}/api/v1/ready`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await pause(250, signal);
  }
  throw new Error(`${url}/api/v1/ready did not answer 200 within 30 s`);
}
