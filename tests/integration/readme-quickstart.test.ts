/**
 * The README's quick start, typed verbatim: the shell blocks between the
 * quickstart markers run, as written, in a fresh `git clone` of this
 * repository (its committed HEAD) — `npm install`, `npm start`, the CLI and
 * the curl. Only the machine is prepared: node_modules is hard-linked from
 * this checkout so `npm install` finds it up to date instead of spending two
 * minutes on downloads CI has already made, and this checkout's build is
 * copied in: `npm start` compares the sources by content
 * (scripts/build-if-needed.ts), so it serves that build when the committed
 * sources are the ones built, and builds again when they are not (the
 * production-build stage of `npm test` is the build from nothing). The
 * database is migrated from nothing.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { freePort } from '../../scripts/free-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const README = readFileSync('README.md', 'utf8');
const section = README.slice(README.indexOf('<!-- quickstart:start'), README.indexOf('<!-- quickstart:end -->'));
const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** Runs a README block in bash in the clone; resolves with its output. */
function sh(
  cwd: string,
  script: string,
  env: Record<string, string>,
  timeoutMs = 240_000,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn('bash', ['-eo', 'pipefail', '-c', script], {
      cwd,
      env: env as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (c: Buffer) => (out += c));
    p.stderr.on('data', (c: Buffer) => (err += c));
    const t = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('exit', (code) => {
      clearTimeout(t);
      resolve({ code, out, err });
    });
  });
}

describe('README quick start, verbatim, in a fresh clone', () => {
  let dir: string;
  let port: number;
  let server: ChildProcess | undefined;
  let log = '';
  /** A newcomer's shell: none of the test runner's Warroom settings, only the port this test chose. */
  const env = () => {
    const e: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env))
      if (v !== undefined && !/^(DATABASE_URL|REDIS_URL|WARROOM_.*|NODE_ENV|NODE_OPTIONS|VITEST.*)$/.test(k)) e[k] = v;
    return { ...e, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warroom-readme-'));
    execFileSync('git', ['clone', '--quiet', process.cwd(), dir]);
    execFileSync('cp', ['-al', join(process.cwd(), 'node_modules'), join(dir, 'node_modules')]);
    // A copy, not links: the server writes below .next at run time. Its compile cache stays behind.
    const dist = join(process.cwd(), '.next');
    if (existsSync(join(dist, 'BUILD_ID'))) {
      mkdirSync(join(dir, '.next'));
      for (const name of readdirSync(dist)) if (name !== 'cache') cpSync(join(dist, name), join(dir, '.next', name), { recursive: true });
    }
    port = await freePort();
  });
  afterAll(async () => {
    if (server?.pid && server.exitCode === null) {
      // npm start → tsx → node: stop the whole process group.
      process.kill(-server.pid, 'SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('has the blocks it runs', () => {
    expect(blocks).toHaveLength(3);
    expect(blocks[0]!.trim().split('\n')).toEqual(['npm install', 'npm start']);
  });

  it('npm install, npm start, the CLI and the curl work as written', async () => {
    const [install, start] = blocks[0]!.trim().split('\n');
    const clean = env();
    const inst = await sh(dir, install!, clean);
    expect(inst.code, inst.err).toBe(0);

    server = spawn('bash', ['-c', start!], {
      cwd: dir,
      env: clean as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    server.stdout!.on('data', (c: Buffer) => (log += c));
    server.stderr!.on('data', (c: Buffer) => (log += c));
    const deadline = Date.now() + 240_000;
    while (!log.includes('warroom ready on') && server.exitCode === null && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 500));
    expect(log, log).toContain(`warroom ready on http://localhost:${port}`);
    // The setup hint follows the ready line once the server has looked for an account (a query later).
    const setupHint = `open http://localhost:${port}/setup to create the first admin`;
    for (let i = 0; i < 20 && !log.includes(setupHint); i++) await new Promise((r) => setTimeout(r, 250));
    expect(log).toContain(setupHint);
    expect(existsSync(join(dir, 'data', 'warroom.db'))).toBe(true);
    expect((await fetch(`http://localhost:${port}/setup`)).status).toBe(200);

    const people = await sh(dir, blocks[1]!, clean);
    expect(people.code, people.err).toBe(0);
    expect(people.out).toContain('added ana@example.com as lead');
    expect(people.out).toMatch(new RegExp(`http://localhost:${port}/welcome\\?token=\\S+`));
    const wall = people.out.match(new RegExp(`http://localhost:${port}/wall/launch\\?key=(\\S+)`));
    expect(wall, people.out).not.toBeNull();

    const push = await sh(dir, blocks[2]!, clean);
    expect(push.code, push.err).toBe(0);
    expect(JSON.parse(push.out.trim().split('\n').pop()!)).toEqual({ accepted: 2 });

    // The wall's key reads what was pushed.
    const latest = await fetch(`http://localhost:${port}/api/v1/metrics/latest`, {
      headers: { authorization: `Bearer ${decodeURIComponent(wall![1]!)}` },
    });
    const body = (await latest.json()) as { series: { name: string; value: number }[] };
    expect(body.series.find((s) => s.name === 'users_total')?.value).toBe(1_250_000);
  }, 480_000);
});
