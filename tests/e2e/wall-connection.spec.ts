import { expect, pushPoints, test } from './fixtures';

test('the wall says when its numbers are stale, goes offline when the server dies, and catches up after a restart without a reload', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await server.ctx.prisma.room.create({ data: { slug: 'outage-night', name: 'Night', staleAfterSeconds: 5 } });
  const key = await server.createIngestKey('outage-night');
  const display = await server.createDisplayLink('outage-night');
  await pushPoints(server, key, [{ name: 'users_total', value: 1_250_000 }], 'outage-night');
  await page.goto(`${server.url}/wall/outage-night?key=${encodeURIComponent(display)}`);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('headline-users')).toHaveText('1,250,000');
  let navigations = 0;
  page.on('framenavigated', () => navigations++);

  // No data for longer than the room's threshold: marked stale, with for how long.
  await expect(page.getByTestId('stale')).toHaveText(/^data stopped \d+ s ago$/, { timeout: 10_000 });
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'stale');
  await expect(page.getByTestId('wall')).toHaveAttribute('data-stale', 'yes');
  await pushPoints(server, key, [{ name: 'users_total', value: 1_260_000 }], 'outage-night');
  await expect(page.getByTestId('stale')).toHaveCount(0);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('headline-users')).toHaveText('1,260,000');

  // The server dies: reconnecting at once, offline after a while, numbers stale.
  await server.kill();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'reconnecting');
  await expect(page.getByTestId('stale')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'offline', { timeout: 20_000 });

  // Back on the same port: data written before the wall reconnects still reaches it.
  await server.restart();
  await pushPoints(server, key, [{ name: 'users_total', value: 1_400_000 }], 'outage-night');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  await expect(page.getByTestId('headline-users')).toHaveText('1,400,000');
  // And live pushes flow again; fresh data clears the stale mark (the reconnect itself may take longer than 5 s).
  await pushPoints(server, key, [{ name: 'users_total', value: 1_410_000 }], 'outage-night');
  await expect(page.getByTestId('headline-users')).toHaveText('1,410,000');
  await expect(page.getByTestId('stale')).toHaveCount(0);
  expect(navigations).toBe(0);
});
