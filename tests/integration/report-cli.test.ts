// `npm run warroom -- report …` against a running server: JSON, Markdown, and a
// PDF printed by Chromium from the report page, which pdftotext reads back.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TTestServer } from '../helpers/server';
import { seedNight } from './night-seed';
import { scriptArgs } from '../helpers/scripts';

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: Buffer; err: string }> {
  return new Promise((resolve, reject) => {
    // The CLI finds the server from PORT, as the server does (no public URL set here).
    const { WARROOM_PUBLIC_URL: _unset, ...inherited } = process.env;
    const proc = spawn(process.execPath, [...scriptArgs('cli'), ...args], {
      cwd: process.cwd(),
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    proc.stdout.on('data', (c: Buffer) => out.push(c));
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => {
      proc.kill('SIGTERM');
      reject(new Error(`cli did not finish:\n${err}`));
    }, 90_000);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out: Buffer.concat(out), err });
    });
  });
}

describe('report CLI', () => {
  let server: TTestServer;
  let env: Record<string, string>;
  const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));

  beforeAll(async () => {
    server = await startServer({ db: 'sqlite' });
    await seedNight(server);
    env = { DATABASE_URL: server.databaseUrl, PORT: String(server.port) };
  });
  afterAll(async () => server?.stop());

  it('prints JSON and Markdown from the running server', async () => {
    const j = await cli(['report', '--room', 'launch', '--format', 'json'], env);
    // Only the CLI's note of which database it used.
    expect(j.err).toMatch(/^\(database: SQLite .*\)\n$/);
    expect(j.code).toBe(0);
    const report = JSON.parse(j.out.toString());
    expect(report.incidents).toHaveLength(5);
    const md = await cli(['report', '--room', 'launch', '--format', 'md', '--out', join(dir, 'r.md')], env);
    expect(md.code).toBe(0);
    expect(md.out.toString()).toBe(`wrote ${join(dir, 'r.md')} (${readFileSync(join(dir, 'r.md')).length} bytes)\n`);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toContain(
      '| # | Title | Severity | Source | Opened | Claimed after | Resolved after | Owner |',
    );
    // The display link made for the report is revoked after it.
    const left = await server.ctx.prisma.credential.count({ where: { kind: 'display', revokedAt: null } });
    expect(left).toBe(0);
  });

  it('prints the report page to a PDF that holds the incidents table', async () => {
    const file = join(dir, 'night.pdf');
    const r = await cli(['report', '--room', 'launch', '--format', 'pdf', '--out', file], env);
    expect(r.err).toMatch(/^\(database: SQLite .*\)\n$/);
    expect(r.code).toBe(0);
    // It says where it wrote the file.
    expect(r.out.toString()).toBe(`wrote ${file} (${readFileSync(file).length} bytes)\n`);
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
    for (const s of [
      'Incidents',
      'Claimed after',
      'Resolved after',
      'Partner feed sends dirty records',
      'Node web-3 hardware fault',
      'Eng Two',
    ])
      expect(text).toContain(s);
    // Every column of the incidents table is on the A4 page, none cut at its right edge.
    const layout = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(layout).toMatch(/Source\s+Opened\s+Claimed after\s+Resolved after\s+Owner/);
    // The chart draws with the print colours (app/globals.css, @media print), not the wall's on white paper.
    const ppm = execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', file]);
    const print = { users: countNear(ppm, [0x09, 0x69, 0xda]), online: countNear(ppm, [0x1a, 0x7f, 0x37]) };
    const screen = { users: countNear(ppm, [0x4c, 0xc2, 0xff]), online: countNear(ppm, [0x7e, 0xe7, 0x87]) };
    expect(print.users, JSON.stringify({ print, screen })).toBeGreaterThan(20);
    expect(print.online, JSON.stringify({ print, screen })).toBeGreaterThan(20);
    expect(screen.users + screen.online, JSON.stringify({ print, screen })).toBeLessThan(5);
  });

  it('says in one line that the server is not running, and exits non-zero', async () => {
    // A database no server runs on, and nothing listening on the port it names.
    const r = await cli(['report', '--room', 'launch', '--format', 'md'], { DATABASE_URL: `file:${join(dir, 'idle.db')}`, PORT: '1' });
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/not running at http:\/\/localhost:1/);
  });
});

/** Pixels of a binary PPM (P6, what pdftoppm writes by default) within a small distance of a colour. */
function countNear(ppm: Buffer, [r, g, b]: [number, number, number]): number {
  // Header: "P6\n<w> <h>\n<max>\n", then RGB bytes.
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    const nl = ppm.indexOf(0x0a, pos);
    fields.push(...ppm.subarray(pos, nl).toString().split(/\s+/).filter(Boolean));
    pos = nl + 1;
  }
  let n = 0;
  for (let i = pos; i + 2 < ppm.length; i += 3) if (Math.abs(ppm[i]! - r) + Math.abs(ppm[i + 1]! - g) + Math.abs(ppm[i + 2]! - b) < 24) n++;
  return n;
}
