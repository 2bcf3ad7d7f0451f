import { api } from '../helpers/server';
import { PHONE } from './phone-helpers';
import { expect, pushPoints, signIn, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

const MIN = 60_000;
const SERVERS = Array.from({ length: 12 }, (_, i) => `web-${i + 1}`);

/** Half an hour of load rising 20 a minute to 8,640 (72 % of 12 × 1,000), ending `endAgo` ago, and every server reporting now. */
function night(now: number, endAgo = 0) {
  const points: { name: string; value: number; time: number; labels?: Record<string, string> }[] = [];
  for (let i = 0; i <= 30; i++) points.push({ name: 'users_online', value: 8640 - 20 * (30 - i), time: now - endAgo - (30 - i) * MIN });
  for (const s of SERVERS) points.push({ name: 'cpu_ratio', value: 0.4, time: now, labels: { server: s } });
  return points;
}

test('the wall shows headroom in one tile, coloured by the lead time; a drain turns it red and opens the capacity incident', async ({
  browser,
  server,
}) => {
  await server.ctx.prisma.room.create({ data: { slug: 'cap', name: 'Capacity night', staleAfterSeconds: 3600 } });
  const ingest = await server.createIngestKey('cap');
  const display = await server.createDisplayLink('cap');
  const lead = await server.createUser('lead', 'Cap Lead');
  // The last point two minutes ago, so the point sent after the drain starts a new one-minute rollup.
  await pushPoints(server, ingest, night(Date.now(), 2 * MIN), 'cap');
  const put = await api(server, 'PUT', '/api/v1/rooms/cap/capacity', {
    token: lead.token,
    body: { series: 'users_online', perServer: 1000 },
  });
  expect(put.status).toBe(200);

  const wall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await wall.goto(`${server.url}/wall/cap?key=${encodeURIComponent(display)}`);
  await expect(wall.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  const tile = wall.getByTestId('capacity-line');
  // Limit 9,600 reached in about 46 min (beyond the 30 min lead); N+1 (8,800) in about 6: amber.
  await expect(tile).toHaveText(/^pool 72 % · full in ~4[5-7] min · N\+1 in ~[5-7] min$/);
  await expect(tile).toHaveAttribute('data-level', 'warn');
  await expect(tile).toHaveAttribute('data-stale', 'no');
  await wall.screenshot({ path: 'docs/capacity/wall-warn.png' });

  // web-12 drained: the pool shrinks at once, the tile turns red without a reload.
  const d = await api(server, 'POST', '/api/v1/rooms/cap/servers/web-12/drain', { token: lead.token, body: { reason: 'e2e' } });
  expect(d.status).toBe(200);
  await expect(tile).toHaveAttribute('data-level', 'crit');
  await expect(tile).toContainText(/full in ~[5-7] min/);
  // The next rollup is the second evaluation within the lead time: the incident opens, opened by "capacity".
  await pushPoints(server, ingest, [{ name: 'users_online', value: 8660, time: Date.now() }], 'cap');
  await expect(wall.locator('[data-testid="source-badge"][data-kind="capacity"]')).toBeVisible();
  await wall.screenshot({ path: 'docs/capacity/wall-crit.png' });

  // The servers page: load, forecast band and the pool's lines on one chart.
  const leadCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signIn(leadCtx, server, 'lead', 'Nora Lead');
  const page = await leadCtx.newPage();
  await page.goto(`${server.url}/rooms/cap/servers?lang=en`);
  const panel = page.getByTestId('capacity-panel');
  await expect(panel.getByTestId('capacity-line')).toHaveAttribute('data-level', 'crit');
  await expect(panel).toContainText('11 healthy servers');
  const canvas = panel.getByTestId('capacity-canvas');
  await expect(canvas).toBeVisible();
  // Something was drawn: the load, the band and the lines leave coloured pixels.
  await expect
    .poll(() =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) n++;
        return n;
      }),
    )
    .toBeGreaterThan(2000);
  await expect(panel.locator('[role="img"]')).toHaveAttribute('aria-label', /Load 8\.6\dK against a limit of 8\.8K/);
  await panel.screenshot({ path: 'docs/capacity/servers-chart.png' });
  await page.goto(`${server.url}/rooms/cap/servers?lang=zh`);
  await expect(page.getByTestId('capacity-panel')).toContainText('容量余量');
  await page.getByTestId('capacity-panel').screenshot({ path: 'docs/capacity/servers-chart-zh.png' });

  // Room settings: a lead doubles the capacity per server; the wall, never reloaded, turns green.
  await page.goto(`${server.url}/rooms/cap/settings`);
  const form = page.getByTestId('settings-capacity');
  await expect(form.getByTestId('capacity-per-server')).toHaveValue('1000');
  await form.getByTestId('capacity-per-server').fill('2000');
  await form.getByTestId('capacity-save').click();
  await expect(form).toContainText('Saved');
  await expect(tile).toHaveAttribute('data-level', 'ok');
  await expect(tile).toContainText('N+1 ok');
  const model = await api(server, 'GET', '/api/v1/rooms/cap/capacity', { token: lead.token });
  expect(model.body.model).toMatchObject({ perServer: 2000, targetUtilization: 0.8, leadMinutes: 30 });
});

test('a stale load goes stale on the tile, in the room’s language; the phone shows the line', async ({ browser, server }) => {
  await server.ctx.prisma.room.create({ data: { slug: 'cap-zh', name: '容量之夜', locale: 'zh', staleAfterSeconds: 30 } });
  const ingest = await server.createIngestKey('cap-zh');
  const display = await server.createDisplayLink('cap-zh');
  const lead = await server.createUser('lead', 'Zh Lead');
  // The load stopped ten minutes ago.
  await pushPoints(server, ingest, night(Date.now(), 10 * MIN), 'cap-zh');
  await api(server, 'PUT', '/api/v1/rooms/cap-zh/capacity', { token: lead.token, body: { series: 'users_online', perServer: 1000 } });
  const wall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await wall.goto(`${server.url}/wall/cap-zh?key=${encodeURIComponent(display)}`);
  const tile = wall.getByTestId('capacity-line');
  await expect(tile).toHaveAttribute('data-stale', 'yes');
  await expect(tile).toContainText('资源池 72%');
  await expect(tile).toContainText('数据停滞 10分钟');
  await wall.screenshot({ path: 'docs/capacity/wall-stale-zh.png' });

  // The phone (home: the default room), 390×844: one line, no overflow.
  const room = await server.ctx.prisma.room.findFirstOrThrow({ where: { isDefault: true } });
  const key = await server.createIngestKey(room.slug);
  await pushPoints(server, key, night(Date.now()), room.slug);
  await api(server, 'PUT', `/api/v1/rooms/${room.slug}/capacity`, { token: lead.token, body: { series: 'users_online', perServer: 1000 } });
  try {
    const ctx = await browser.newContext(PHONE);
    await signIn(ctx, server, 'viewer', 'Phone Viewer');
    const phone = await ctx.newPage();
    await phone.goto(`${server.url}/`);
    const line = phone.getByTestId('phone-capacity').getByTestId('capacity-line');
    await expect(line).toHaveText(/^pool 72 % · full in ~4\d min · N\+1 in ~\d+ min$/);
    const box = (await line.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.height).toBeLessThan(40);
    await phone.screenshot({ path: 'docs/capacity/phone.png' });
  } finally {
    // The worker's server is shared with other specs: leave the default room as it was.
    await server.ctx.prisma.capacityModel.deleteMany({ where: { roomId: room.id } });
  }
});
