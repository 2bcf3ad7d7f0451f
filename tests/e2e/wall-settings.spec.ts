import { expect, pushPoints, signIn, test } from './fixtures';
import { defaultMilestones } from '../../server/services/rooms/ensure-default-room';

test('a lead sets go-live, marks a moment, adds a milestone and a safety line; the wall follows live', async ({ browser, server }) => {
  // Its own room, with the default milestones: spec files share a worker's server.
  await server.ctx.prisma.room.create({
    data: {
      slug: 'gala',
      name: 'Gala',
      milestones: { create: defaultMilestones('en') },
    },
  });
  const ingest = await server.createIngestKey('gala');
  const display = await server.createDisplayLink('gala');
  await pushPoints(
    server,
    ingest,
    [
      { name: 'users_total', value: 1_250_000 },
      { name: 'cpu_ratio', value: 0.93, labels: { server: 'web-3' } },
    ],
    'gala',
  );
  const wall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await wall.goto(`${server.url}/wall/gala?key=${encodeURIComponent(display)}`);
  await expect(wall.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await expect(wall.getByTestId('countdown')).toHaveCount(0);
  // No room line yet: the default cpu line (warning 0.8, critical 0.95) judges it, so it is never green.
  await expect(wall.locator('[data-server="web-3"]')).toHaveAttribute('data-state', 'warning');

  const leadCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signIn(leadCtx, server, 'lead');
  const page = await leadCtx.newPage();
  await page.goto(`${server.url}/rooms/gala/settings`);
  await expect(page.getByTestId('milestone')).toHaveCount(4);

  // Go-live in ten minutes (the input is in the browser's local time).
  const local = await page.evaluate(() => {
    const d = new Date(Date.now() + 10 * 60_000);
    return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
  });
  await page.getByTestId('go-live').fill(local);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved')).toBeVisible();
  await expect(wall.getByTestId('countdown')).toHaveText(/^T-(10:00|09:\d\d)$/);

  // One click: "mark now".
  await page.getByLabel('Annotation label').fill('gate opened');
  await page.getByRole('button', { name: 'Mark now' }).click();
  await expect(page.getByTestId('annotation')).toContainText('gate opened');
  const a = await server.ctx.prisma.annotation.findFirstOrThrow({ where: { label: 'gate opened', room: { slug: 'gala' } } });
  expect(Math.abs(a.time.getTime() - Date.now())).toBeLessThan(30_000);

  await page.getByLabel('Threshold').fill('1500000');
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await expect(page.getByTestId('milestone')).toHaveCount(5);
  await expect(wall.getByTestId('headline-users-eta')).toContainText('1.5M users');

  // A bad line is refused, naming the field; a good one turns web-3 critical on the wall.
  await page.getByLabel('Warning').fill('0.9');
  await page.getByLabel('Critical').fill('0.7');
  await page.getByRole('button', { name: 'Set line' }).click();
  await expect(page.getByTestId('settings-safety').getByRole('alert')).toContainText('Critical: must be at or above warning');
  await page.getByLabel('Warning').fill('0.7');
  await page.getByLabel('Critical').fill('0.9');
  await page.getByRole('button', { name: 'Set line' }).click();
  await expect(page.getByTestId('safety-line')).toContainText('cpu_ratio');
  await expect(wall.locator('[data-server="web-3"]')).toHaveAttribute('data-state', 'critical');
});

test('an engineer is told the settings are for leads', async ({ browser, server }) => {
  const ctx = await browser.newContext();
  await signIn(ctx, server, 'engineer');
  const page = await ctx.newPage();
  await page.goto(`${server.url}/rooms/launch/settings`);
  await expect(page.getByText('Only leads and admins')).toBeVisible();
});

test('a lead sets a series’ bounds on the settings page: a bad pair is named, ingest refuses a point outside, removing them lets it in', async ({
  browser,
  server,
}) => {
  await server.ctx.prisma.room.create({ data: { slug: 'bounds', name: 'Bounds night' } });
  const key = await server.createIngestKey('bounds');
  const ctx = await browser.newContext();
  await signIn(ctx, server, 'lead');
  const page = await ctx.newPage();
  await page.goto(`${server.url}/rooms/bounds/settings`);
  const section = page.getByTestId('settings-bounds');
  await expect(section).toContainText('No bounds set.');
  await section.getByLabel('Metric').fill('users_online');
  await section.getByLabel('min').fill('10');
  await section.getByLabel('max', { exact: true }).fill('5');
  await section.getByRole('button', { name: 'Set bounds' }).click();
  await expect(section.getByRole('alert')).toContainText('must be at or above min');
  await section.getByLabel('max', { exact: true }).fill('1000000');
  await section.getByLabel('largest step').fill('50000');
  await section.getByRole('button', { name: 'Set bounds' }).click();
  await expect(section.getByTestId('series-bound')).toHaveText(/users_online · min 10 · max 1,000,000 · largest step 50,000/);
  await section.screenshot({ path: 'docs/settings-bounds.png' });

  const post = (value: number) =>
    fetch(`${server.url}/api/v1/metrics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ room: 'bounds', points: [{ name: 'users_online', value }] }),
    });
  const refused = await post(2_000_000);
  expect(refused.status).toBe(400);
  expect(JSON.stringify(await refused.json())).toContain('must be at most 1000000 (bound of users_online in room settings)');

  await section.getByRole('button', { name: 'Delete users_online' }).click();
  await expect(section).toContainText('No bounds set.');
  expect((await post(2_000_000)).status).toBe(202);
  await ctx.close();
});
