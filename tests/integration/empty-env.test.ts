import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeVariables } from '../helpers/readme-config';
import { api, startServer, type TTestServer } from '../helpers/server';

// `WARROOM_ADMIN_EMAIL=` (a compose file's or a systemd unit's unset value) used to stop the server
// with "Invalid email address". Every variable of the README's table set to empty must mean unset.
// PORT and DATABASE_URL stay the harness's (empty would mean port 3000 and ./data/warroom.db on a
// shared machine); server/config.test.ts proves their empty value is the default too.
const HARNESS = new Set(['PORT', 'DATABASE_URL']);

describe('a server started with every configuration variable empty', () => {
  let server: TTestServer;
  const empty = Object.fromEntries(
    readmeVariables()
      .filter((n) => !HARNESS.has(n))
      .map((n) => [n, '']),
  );
  beforeAll(async () => {
    server = await startServer({ db: 'sqlite', env: empty });
  }, 90_000);
  afterAll(async () => server?.stop());

  it('names every variable of the table but the harness pair', () => {
    expect(Object.keys(empty)).toEqual(
      expect.arrayContaining(['WARROOM_ADMIN_EMAIL', 'WARROOM_SECRET', 'REDIS_URL', 'WARROOM_TRUST_PROXY']),
    );
  });

  it('starts, is ready, and treats each as unset', async () => {
    const ready = await api(server, 'GET', '/api/v1/ready');
    expect(ready.status).toBe(200);
    // no admin from an empty WARROOM_ADMIN_EMAIL; no Redis from an empty REDIS_URL
    expect(await server.ctx.prisma.user.count()).toBe(0);
    expect(server.logs()).not.toMatch(/redis/i);
    // an empty WARROOM_SECRET means the generated one: a signed-in session works
    const u = await server.createUser('viewer');
    const me = await api(server, 'GET', '/api/v1/incidents', { token: u.token });
    expect(me.status).toBe(200);
  });
});
