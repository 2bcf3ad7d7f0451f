import { createServer } from 'node:net';

/** A port that was free on loopback a moment ago: for a server a script or test starts of its own. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('loopback gave no port'))));
    });
  });
}
