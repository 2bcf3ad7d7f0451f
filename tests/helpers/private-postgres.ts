import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/free-port';

const BIN = '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL of this test's own, on a free port and a temp directory, so a
 * fault test can stop it — never the shared one on 5432 that other people's
 * tests use. initdb refuses root, so as root it runs as the postgres user.
 */
export async function startPrivatePostgres(): Promise<{ url: string; stop(): void; start(): void; destroy(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    if (!asRoot) return execFileSync(join(BIN, cmd), args, { stdio: 'pipe' });
    const line = [join(BIN, cmd), ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    return execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', line], { stdio: 'pipe' });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => void run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
  const stop = () => void run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'warroom']);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/warroom`,
    stop,
    start,
    destroy() {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
