/**
 * The scale bench (bench/screens.ts), small: 200 display-link screens that
 * speak socket.io's wire protocol themselves, three pushes, a reconnect
 * storm, then the bare `ws` floor. No figure is asserted — timing is the
 * bench's to print — but every screen must join, every push must reach
 * every screen on both servers, and every screen must be back after the
 * restart: if the server's protocol or the bench's client drifted apart,
 * the README's table would be measuring nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('bench/screens.ts at 200 screens', () => {
  it('joins every screen, delivers every push on both servers, and brings every screen back after a restart', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'warroom-bench-')), 'screens.json');
    const args = ['tsx', 'bench/screens.ts', '--screens', '200', '--pushes', '3', '--idle-window', '1000', '--json', out];
    const r = spawnSync('npx', args, { encoding: 'utf8', timeout: 170_000 });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const res = JSON.parse(readFileSync(out, 'utf8')) as {
      ours: Record<string, number>;
      bare: Record<string, number>;
    };
    expect(res.ours.joinFailures).toBe(0);
    expect(res.ours.delivered).toBe(1);
    expect(res.bare.delivered).toBe(1);
    expect(res.ours.stormRejoined).toBe(200);
    // Every figure of the README's table came out as a number.
    for (const k of ['joinsEmpty', 'joinsHistory', 'p50', 'p99', 'cpuPerPush', 'rssPerScreen'])
      expect(Number.isFinite(res.ours[k]), k).toBe(true);
    for (const k of ['joinsEmpty', 'p50', 'p99', 'cpuPerPush']) expect(Number.isFinite(res.bare[k]), k).toBe(true);
  }, 180_000);
});
