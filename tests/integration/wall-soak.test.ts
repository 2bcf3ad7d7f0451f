/**
 * The week-unattended bench (bench/wall-soak.ts), compressed: the real wall
 * in Chromium through restarts (SIGTERM and kill -9), a database fault
 * (SQLite: the file locked; PostgreSQL: a private instance restarted) and
 * network cuts, a week of fast clock crossing midnights and a DST change.
 * No time is asserted — the bench prints those — only what must hold
 * whatever the machine: never blank, never reloaded, back to LIVE after
 * every fault, never more than one socket, and one live socket at the end.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIfNeeded } from '../../scripts/build-if-needed';
import { TEST_BROWSER_PATH } from '../../scripts/chromium';

interface TSoak {
  faults: number;
  backToLive: number;
  notBack: number;
  blank: number;
  samples: number;
  reloads: number;
  maxSockets: number;
  final: { state: string | null; sockets: number; wall: boolean };
  heapMB: (number | null)[];
  posted: number;
}

function soak(args: string[]): Promise<{ res: TSoak; log: string }> {
  const out = join(mkdtempSync(join(tmpdir(), 'warroom-soak-')), 'soak.json');
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout stops the bench itself (it then stops its server, database and browser).
    // The wall in the headless shell, as the e2e tests drive it (scripts/chromium.ts): the checks here are structural.
    const p = spawn('npx', ['tsx', 'bench/wall-soak.ts', ...args, '--json', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, CHROMIUM_PATH: TEST_BROWSER_PATH },
    });
    let log = '';
    p.stdout.on('data', (c) => (log += c));
    p.stderr.on('data', (c) => (log += c));
    // Stopped well inside the test's own timeout, so a stuck run fails with the bench's log (then retried in CI),
    // not with a bare "timed out"; SIGKILL if its own cleanup hangs. A group already gone is not an error.
    const signal = (sig: NodeJS.Signals) => {
      try {
        if (p.pid) process.kill(-p.pid, sig);
      } catch {}
    };
    const timer = setTimeout(() => signal('SIGTERM'), 190_000);
    const force = setTimeout(() => signal('SIGKILL'), 210_000);
    p.on('exit', (code) => {
      clearTimeout(timer);
      clearTimeout(force);
      if (code !== 0) return reject(new Error(`bench exited ${code}:\n${log}`));
      resolve({ res: JSON.parse(readFileSync(out, 'utf8')) as TSoak, log });
    });
  });
}

function structural({ res, log }: { res: TSoak; log: string }, faults: number) {
  expect(res.faults, log).toBe(faults);
  expect(res.samples, log).toBeGreaterThan(50);
  expect(res.posted, log).toBeGreaterThan(0);
  expect(res.blank, `blank samples\n${log}`).toBe(0);
  expect(res.reloads, `reloads\n${log}`).toBe(0);
  expect(res.notBack, `faults after which the wall never came back to LIVE\n${log}`).toBe(0);
  expect(res.backToLive, log).toBe(faults);
  expect(res.maxSockets, `sockets open at once\n${log}`).toBe(1);
  expect(res.final, log).toEqual({ state: 'live', sockets: 1, wall: true });
  for (const h of res.heapMB) expect(h, `a day without a heap reading\n${log}`).not.toBeNull();
}

describe('bench/wall-soak.ts, compressed', () => {
  buildIfNeeded();
  const common = ['--stale-s', '2'];

  it('SQLite: a week in 40 s through 3 restarts (one kill -9), the file locked, 2 network cuts', async () => {
    const r = await soak([
      ...common,
      ...['--db', 'sqlite', '--days', '7', '--minutes', '0.67', '--restarts', '3', '--lock-s', '3', '--drops', '2', '--drop-s', '3'],
    ]);
    structural(r, 6);
  }, 240_000);

  it('PostgreSQL (a private instance): two days through a restart and a database restart', async () => {
    const r = await soak([
      ...common,
      ...[
        '--db',
        'postgres',
        '--days',
        '2',
        '--minutes',
        '0.34',
        '--restarts',
        '1',
        '--db-restarts',
        '1',
        '--db-down-s',
        '2',
        '--drops',
        '0',
      ],
    ]);
    structural(r, 2);
  }, 240_000);
});
