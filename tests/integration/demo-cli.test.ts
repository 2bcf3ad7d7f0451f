// `npm run demo` itself: a bad scenario stops it before anything starts, and a
// short scenario runs start to finish against the Warroom it starts (PORT=0,
// a throwaway SQLite file), twice, reusing the people the second time.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThrowawayDatabase } from '../helpers/server';
import { openDatabase, type TDatabase } from '../../server/db/client';
import { scriptArgs } from '../helpers/scripts';

const running = new Set<ChildProcess>();
// A demo still running when the tests end is stopped the polite way, so it stops its Warroom too.
afterAll(() => {
  for (const p of running) p.kill('SIGTERM');
});

function runDemo(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 280_000,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...scriptArgs('demo'), ...args], {
      cwd: process.cwd(),
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(proc);
    let out = '';
    let err = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => {
      proc.kill('SIGTERM');
      reject(new Error(`demo did not finish in ${timeoutMs} ms:\n${out}\n${err}`));
    }, timeoutMs);
    proc.on('exit', (code) => {
      running.delete(proc);
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

describe('npm run demo', () => {
  it('exits non-zero naming the file and the field when the scenario is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-bad-'));
    const file = join(dir, 'game-day.yaml');
    writeFileSync(
      file,
      'name: Game day\nstart: -5m\nend: 10m\nstep: 30 seconds\nseries:\n  - name: users total\n    curve: { kind: keyframes, points: [] }\n',
    );
    // a database URL nobody could open proves nothing was started
    const r = await runDemo(['--scenario', file], { DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' }, 30_000);
    expect(r.code).toBe(2);
    expect(r.err).toContain('game-day.yaml: invalid scenario');
    expect(r.err).toContain('step: "30 seconds" is not a duration');
    expect(r.err).toContain('series.0.name: must be a Prometheus-style name');
    expect(r.err).toContain('series.0.curve.points: at least one keyframe');
    expect(r.out).not.toContain('warroom ready');
  });

  it('refuses a bad --speed and a missing scenario file', async () => {
    const speed = await runDemo(['--speed', '0'], {}, 30_000);
    expect(speed.code).not.toBe(0);
    expect(speed.err).toMatch(/--speed.*must be a number from 1/);
    const missing = await runDemo(['--scenario', 'scenarios/nope.yaml'], {}, 30_000);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('scenarios/nope.yaml: invalid scenario\n  (file): no such file');
  });

  describe('a short scenario, start to finish', () => {
    let db: { url: string; drop(): Promise<void> };
    let database: TDatabase | undefined;
    beforeAll(async () => {
      db = await createThrowawayDatabase('sqlite');
    });
    afterAll(async () => {
      await database?.close();
      await db?.drop();
    });

    it('starts Warroom, replays through the API, stops with --exit; a second run reuses the people', async () => {
      const env = { PORT: '0', DATABASE_URL: db.url };
      const args = ['--scenario', 'scenarios/test-short.yaml', '--speed', '2000', '--seed', '3', '--exit'];
      const first = await runDemo(args, env);
      expect(first.err).not.toMatch(/demo: (?!SIG)/);
      expect(first.code).toBe(0);
      expect(first.out).toMatch(/warroom ready on http:\/\/localhost:\d+/);
      expect(first.out).toMatch(/demo: the wall, no sign-in needed: http:\/\/127\.0\.0\.1:\d+\/wall\/demo\?key=/);
      expect(first.out).toMatch(/demo: done: \d+ points in \d+ posts, 12 events, 1 incidents/);
      expect(first.out).not.toContain('has no endpoint');
      // The night's chat: the demo's DingTalk stand-in (which checks the signature) logged each message it received.
      const chatLines = first.out.split('\n').filter((l) => l.startsWith('demo: chat ← '));
      expect(chatLines.length).toBeGreaterThan(0);
      expect(first.out).toContain(`demo: chat: ${chatLines.length} messages received`);
      expect(chatLines.join('\n')).toMatch(/#1 Dirty records — opened/);
      expect(chatLines.join('\n')).toMatch(/#1 Dirty records — resolved/);
      expect(first.out).not.toContain('still unsent');

      const second = await runDemo(args, env);
      expect(second.code).toBe(0);

      database = await openDatabase(db.url, { migrate: false });
      expect(await database.prisma.user.count({ where: { email: { endsWith: '@rehearsal.warroom' } } })).toBe(2);
      const incidents = await database.prisma.incident.findMany({ orderBy: { number: 'asc' } });
      expect(incidents.map((i) => [i.number, i.title, i.status])).toEqual([
        [1, 'Dirty records', 'resolved'],
        [2, 'Dirty records', 'resolved'],
      ]);
      // Every message of both runs reached its run's stand-in: none dead (a bad signature would be), none left behind.
      const chat = await database.prisma.delivery.groupBy({ by: ['state'], where: { channel: { kind: 'dingtalk' } }, _count: true });
      expect(chat.map((g) => g.state)).toEqual(['delivered']);
      const users = await database.prisma.metricSeries.findFirstOrThrow({ where: { name: 'users_total' } });
      // same seed, same values: the second run's samples repeat the first's
      const samples = await database.prisma.metricSample.findMany({ where: { seriesId: users.id }, orderBy: { time: 'asc' } });
      const half = samples.length / 2;
      expect(samples.slice(half).map((s) => s.value)).toEqual(samples.slice(0, half).map((s) => s.value));
      expect(users.latestValue).toBe(samples.at(-1)!.value);
    }, 600_000); // two runs, each may rebuild when the shared checkout's sources changed meanwhile
  });
});
