import { api } from '../helpers/server';
import { expect, pushPoints, signIn, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

test('a lead finds the outlier on the servers page and drains it; the wall shows it drained without a reload', async ({
  browser,
  server,
}) => {
  // Its own room (spec files share a worker's server), with a long stale threshold so a slow run stays live.
  await server.ctx.prisma.room.create({ data: { slug: 'fleet', name: 'Fleet night', staleAfterSeconds: 3600 } });
  const ingest = await server.createIngestKey('fleet');
  const display = await server.createDisplayLink('fleet');
  const now = Date.now();
  const points = [];
  for (let i = 1; i <= 12; i++) {
    const labels = { server: `web-${i}` };
    for (const ago of [1800_000, 900_000, 0]) {
      points.push({ name: 'cpu_ratio', value: 0.4 + (i % 4) * 0.01, labels, time: now - ago });
      // web-7: ten times the pool's error ratio, yet under the 1 % warning line.
      points.push({ name: 'error_ratio', value: i === 7 ? 0.008 : 0.0008, labels, time: now - ago });
    }
  }
  await pushPoints(server, ingest, [...points, { name: 'users_total', value: 1000, time: now }], 'fleet');
  const lead = await server.createUser('lead', 'Setup Lead');
  const inc = await api(server, 'POST', '/api/v1/incidents', {
    token: lead.token,
    body: { title: 'Errors from one web node', severity: 'SEV2', room: 'fleet' },
  });
  expect(inc.status).toBe(201);
  const incident = inc.body.incident ?? inc.body;

  const wall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await wall.goto(`${server.url}/wall/fleet?key=${encodeURIComponent(display)}`);
  await expect(wall.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  const wallTile = wall.locator('[data-testid="server"][data-server="web-7"]');
  // The odd one leads the strip though every server is ok by its lines.
  await expect(wall.getByTestId('server').first()).toHaveAttribute('data-server', 'web-7');
  await expect(wallTile).toHaveAttribute('data-state', 'ok');
  await expect(wallTile).toHaveAttribute('data-outlier', 'error_ratio');
  await expect(wall.getByTestId('servers-rest')).toContainText('ok');
  await wall.evaluate(() => ((window as unknown as { __sameWall: boolean }).__sameWall = true));

  const leadCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signIn(leadCtx, server, 'lead', 'Nora Lead');
  const page = await leadCtx.newPage();
  await page.goto(`${server.url}/rooms/fleet/servers?lang=en`);
  const rows = page.getByTestId('fleet-row');
  await expect(rows).toHaveCount(12);
  const row = page.locator('[data-testid="fleet-row"][data-server="web-7"]');
  await expect(rows.first()).toHaveAttribute('data-server', 'web-7');
  await expect(row).toHaveAttribute('data-outlier', 'error_ratio');
  await expect(row.getByTestId('fleet-outlier')).toContainText('error ratio 10× pool median');

  // The filter narrows to one.
  await page.getByTestId('fleet-filter').fill('web-7');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('fleet-filter').fill('');
  await expect(rows).toHaveCount(12);

  await row.getByTestId('fleet-drain').click();
  await row.getByTestId('fleet-reason').fill('error ratio 10× the pool');
  await expect(row.getByTestId('fleet-incident').locator('option')).toHaveCount(2);
  await row.getByTestId('fleet-incident').selectOption(String(incident.number));
  await row.getByTestId('fleet-confirm').click();
  await expect(row).toHaveAttribute('data-state', 'drained');
  await expect(rows.last()).toHaveAttribute('data-server', 'web-7');
  await expect(row).toContainText('Nora Lead');
  await expect(row.getByTestId('fleet-restore')).toBeVisible();
  await page.screenshot({ path: 'docs/servers.png', fullPage: true });

  // The wall, never reloaded: web-7 leaves the tiles (drained sorts last) and is counted as drained.
  await expect(wall.getByTestId('servers-rest').locator('[data-state="drained"]')).toHaveText(/^1 drained$/);
  await expect(wall.getByTestId('server').first()).not.toHaveAttribute('data-server', 'web-7');
  expect(await wall.evaluate(() => (window as unknown as { __sameWall?: boolean }).__sameWall)).toBe(true);

  // Recorded on the incident's timeline.
  const detail = await api(server, 'GET', `/api/v1/incidents/${incident.id}`, { token: lead.token });
  expect(
    detail.body.timeline.some((e: { kind: string; body: string }) => e.kind === 'server' && e.body === 'error ratio 10× the pool'),
  ).toBe(true);
});

test('the servers page at phone width: no sideways scroll of the page, drain still reachable', async ({ browser, server }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await signIn(ctx, server, 'lead', 'Nora Lead');
  const page = await ctx.newPage();
  await page.goto(`${server.url}/rooms/fleet/servers?lang=zh`);
  await expect(page.getByTestId('fleet-row')).toHaveCount(12);
  await expect(page.locator('[data-server="web-7"]').getByTestId('fleet-state')).toHaveText('已摘除');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await expect(page.locator('[data-server="web-7"]').getByTestId('fleet-restore')).toBeVisible();
});
