import { expect, pushPoints, test } from './fixtures';

test('a value posted over HTTP appears on /wall without a reload', async ({ page, server }) => {
  // A room of its own: the worker's server is shared, and earlier specs leave aging numbers in `launch`.
  await server.ctx.prisma.room.create({ data: { slug: 'live-http', name: 'Live over HTTP' } });
  const key = await server.createIngestKey();
  const display = await server.createDisplayLink('live-http');
  await page.goto(`${server.url}/wall/live-http?key=${encodeURIComponent(display)}`);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('headline-users')).toContainText(/waiting/i);

  let navigations = 0;
  page.on('framenavigated', () => navigations++);
  const t = Date.now();
  await pushPoints(
    server,
    key,
    [
      { name: 'users_total', value: 1_250_000, time: t - 60_000 },
      { name: 'users_online', value: 38_000, time: t - 60_000 },
    ],
    'live-http',
  );
  await expect(page.getByTestId('headline-users')).toHaveText('1,250,000');
  await expect(page.getByTestId('headline-online')).toHaveText('38,000');

  await pushPoints(server, key, [{ name: 'users_total', value: 1_260_000, time: t }], 'live-http');
  await expect(page.getByTestId('headline-users')).toHaveText('1,260,000');
  expect(navigations).toBe(0);
});

test('a Chinese room shows 万', async ({ page, server }) => {
  await server.ctx.prisma.room.create({ data: { slug: 'cn', name: '上线之夜', locale: 'zh' } });
  const key = await server.createIngestKey();
  const display = await server.createDisplayLink('cn');
  await page.goto(`${server.url}/wall/cn?key=${encodeURIComponent(display)}`);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await pushPoints(server, key, [{ name: 'users_total', value: 1_250_000 }], 'cn');
  await expect(page.getByTestId('headline-users')).toHaveText('125万0000');
});

test('without a display link or session the wall says how to get in', async ({ page, server }) => {
  await page.goto(`${server.url}/wall`);
  await expect(page.getByTestId('access')).toHaveAttribute('data-problem', 'signin');
  await expect(page.getByTestId('access')).toContainText(/open the display link/i);
});
