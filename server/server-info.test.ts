import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { clearServerInfo, readServerInfo, writeServerInfo } from './server-info';

/** Another live process on this machine: a second server, for the record's purposes. */
function otherProcess() {
  const p = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  return { pid: p.pid as number, stop: () => p.kill('SIGKILL') };
}

describe('the record of which server serves a database', () => {
  const db = `postgresql://127.0.0.1:5432/server-info-${randomBytes(4).toString('hex')}`;
  let stop: () => void = () => {};
  afterEach(() => stop());

  it('a second server on the same database (the demo beside npm start) neither takes it over nor clears it', () => {
    const first = otherProcess();
    stop = first.stop;
    expect(writeServerInfo(db, { url: 'http://localhost:3000', pid: first.pid })).toBe(true);
    expect(writeServerInfo(db, { url: 'http://localhost:3999', pid: process.pid })).toBe(false);
    expect(readServerInfo(db)).toEqual({ url: 'http://localhost:3000', pid: first.pid });
    clearServerInfo(db, process.pid);
    expect(readServerInfo(db)?.url).toBe('http://localhost:3000');
    // The first server's own stop clears it.
    clearServerInfo(db, first.pid);
    expect(readServerInfo(db)).toBeNull();
  });

  it('a record left by a server that died is taken over by the next one', () => {
    const gone = otherProcess();
    writeServerInfo(db, { url: 'http://localhost:3000', pid: gone.pid });
    gone.stop();
    return new Promise<void>((r) => setTimeout(r, 100)).then(() => {
      expect(readServerInfo(db)).toBeNull();
      expect(writeServerInfo(db, { url: 'http://localhost:4000', pid: process.pid })).toBe(true);
      expect(readServerInfo(db)?.url).toBe('http://localhost:4000');
      clearServerInfo(db, process.pid);
      expect(readServerInfo(db)).toBeNull();
    });
  });
});
