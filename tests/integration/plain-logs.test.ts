import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, type TTestServer } from '../helpers/server';
import { KINDS } from './incidents-helpers';

/**
 * A log written to a file or a pipe has no ANSI colour codes (issue 25, item
 * 8), even where the environment asks every tool for colour (FORCE_COLOR, as
 * many CI runners and task runners set): escape codes are noise in a file and
 * break grep. The test's server writes to a pipe, as `npm start > warroom.log` does.
 */
describe.each(KINDS)('the server log on a pipe on %s', (kind) => {
  let server: TTestServer;
  beforeAll(async () => {
    server = await startServer({ db: kind, env: { FORCE_COLOR: '1' } });
  });
  afterAll(async () => server?.stop());

  it('holds no escape codes', async () => {
    // A page and an API call, so whatever the server logs for them is in too.
    expect((await api(server, 'GET', '/api/v1/ready')).status).toBe(200);
    await fetch(`${server.url}/login`);
    const logs = server.logs();
    expect(logs).toContain('warroom ready on');
    expect(logs).not.toContain('\u001b[');
  });
});
