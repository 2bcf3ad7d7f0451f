import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { PHONE } from './phone-helpers';
import { signIn } from './fixtures';

let target: Server;
let targetUrl = '';

test.beforeAll(async () => {
  // A service that answers 500: "some data can't be returned".
  target = createServer((_req, res) => {
    res.writeHead(500);
    res.end('internal error');
  });
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', () => r()));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/api/orders`;
});
test.afterAll(() => {
  target?.close();
});

test('a probe going down appears on the wall and the phone without a reload, with its source', async ({ browser, page, server }) => {
  const display = await server.createDisplayLink();
  const lead = await server.createUser('lead');
  await page.goto(`${server.url}/wall/launch?key=${encodeURIComponent(display)}`);
  // The wall's socket has joined the room. The worker's server is shared: earlier specs may have left
  // numbers in `launch` that have aged past the stale threshold since, so "stale" is a joined socket too.
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', /^(live|stale)$/);

  const phoneContext = await browser.newContext(PHONE);
  const phone = await phoneContext.newPage();
  await signIn(phoneContext, server, 'viewer');
  await phone.goto(`${server.url}/`);
  await expect(phone.getByTestId('home')).toBeVisible();
  await expect(phone.getByTestId('open-count')).toHaveText(/\d+/);
  // The phone's socket has joined the room: a push from now on reaches it (stale too: the shared room's numbers may have aged).
  await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', /^(live|stale)$/);

  // Both screens are settled and live: an incident a person opens reaches both first.
  const warm = await fetch(`${server.url}/api/v1/incidents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${lead.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'warm-up', severity: 'SEV4' }),
  });
  expect(warm.status).toBe(201);
  await expect(page.getByTestId('incident').filter({ hasText: 'warm-up' })).toBeVisible();
  await expect(phone.getByTestId('incident-row').filter({ hasText: 'warm-up' })).toBeVisible();
  // A person's incident carries no source badge.
  await expect(phone.getByTestId('incident-row').filter({ hasText: 'warm-up' }).getByTestId('source-badge')).toHaveCount(0);

  let navigations = 0;
  page.on('framenavigated', () => navigations++);
  phone.on('framenavigated', () => navigations++);

  const res = await fetch(`${server.url}/api/v1/rooms/launch/probes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${lead.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'orders-api', url: targetUrl, intervalSeconds: 5, downAfter: 1, severity: 'SEV1' }),
  });
  expect(res.status).toBe(201);

  // The wall: the probe large and red, and its incident with the probe as source.
  const down = page.getByTestId('wall-probe-down').filter({ hasText: 'orders-api' });
  await expect(down).toBeVisible({ timeout: 20_000 });
  await expect(down).toContainText('status 500');
  const wallIncident = page.getByTestId('incident').filter({ hasText: 'orders-api is down' });
  await expect(wallIncident).toBeVisible();
  await expect(wallIncident.getByTestId('source-badge')).toHaveAttribute('data-kind', 'probe');

  // The phone: down probes visible, and the incident row says a probe opened it.
  await expect(phone.getByTestId('down-probe').filter({ hasText: 'orders-api' })).toBeVisible({ timeout: 20_000 });
  const phoneRow = phone.getByTestId('incident-row').filter({ hasText: 'orders-api is down' });
  await expect(phoneRow).toBeVisible();
  await expect(phoneRow.getByTestId('source-badge')).toHaveAttribute('data-kind', 'probe');

  expect(navigations).toBe(0);
  await phoneContext.close();

  // The console: the incident page says where it came from, with a link, first/last seen and times fired.
  const consoleContext = await browser.newContext();
  const laptop = await consoleContext.newPage();
  await signIn(consoleContext, server, 'engineer');
  const number = await wallIncident.locator('.tabular').first().textContent();
  await laptop.goto(`${server.url}/incidents/${number!.replace('#', '')}`);
  const source = laptop.getByTestId('source-panel');
  await expect(source).toHaveAttribute('data-kind', 'probe');
  await expect(source.getByTestId('source-link')).toHaveAttribute('href', targetUrl);
  await expect(source.getByTestId('source-fired')).toHaveText('1 time');
  await expect(source.getByTestId('source-state')).toHaveText('firing');
  await consoleContext.close();
});

test('a lead adds a probe on /rooms/<room>/probes: a bad field is refused in words, a good one appears and is checked', async ({
  browser,
  server,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(context, server, 'lead');
  await page.goto(`${server.url}/rooms/launch/probes`);
  await expect(page.getByTestId('probe-reach-note')).toContainText('internal addresses');
  const form = page.getByTestId('probe-form');
  await form.locator('input[name="name"]').fill('checkout');
  await form.locator('input[name="url"]').fill(targetUrl);
  await form.locator('input[name="intervalSeconds"]').fill('2');
  await form.getByTestId('probe-save').click();
  await expect(form.getByRole('alert')).toContainText('Check interval: at least 5 seconds');
  await form.locator('input[name="intervalSeconds"]').fill('5');
  await form.getByTestId('probe-save').click();
  const row = page.getByTestId('probe-row').filter({ hasText: 'checkout' });
  await expect(row).toBeVisible();
  // Checked by the server and pushed: the history bar fills and the reason shows.
  await expect(row).toContainText('status 500', { timeout: 20_000 });
  await context.close();

  // The same stored reason, in a Chinese reader's words.
  const zh = await browser.newContext({ locale: 'zh-CN' });
  const zhPage = await zh.newPage();
  await signIn(zh, server, 'lead');
  await zhPage.goto(`${server.url}/rooms/launch/probes`);
  await expect(zhPage.getByTestId('probe-row').filter({ hasText: 'checkout' })).toContainText('状态码 500，期望 200');
  await zh.close();
});

test('a probe down for 16 minutes says 16 min on the wall, the phone, the console and the API (not the 7 min its kept results span)', async ({
  browser,
  page,
  server,
}) => {
  // The default room: the phone's home shows that one.
  const room = await server.ctx.prisma.room.findUniqueOrThrow({ where: { slug: 'launch' } });
  const display = await server.createDisplayLink();
  const now = Date.now();
  // 90 kept failures 5 s apart: 7.5 minutes of results; the probe went down 16 minutes ago.
  const recent = Array.from({ length: 90 }, (_, i) => ({
    at: new Date(now - (89 - i) * 5000).toISOString(),
    ok: false,
    latencyMs: 3,
    status: 500,
  }));
  await server.ctx.prisma.probe.create({
    data: {
      roomId: room.id,
      name: 'orders-since',
      url: targetUrl,
      intervalSeconds: 3600,
      state: 'down',
      stateSince: new Date(now - 16 * 60_000 - 20_000),
      failStreak: 200,
      lastCheckedAt: new Date(now),
      lastError: 'HTTP 500',
      recent: JSON.stringify(recent),
      // Not due for an hour: nothing changes while the screens are read.
      nextRunAt: new Date(now + 3600_000),
    },
  });
  await page.goto(`${server.url}/wall/launch?key=${encodeURIComponent(display)}`);
  await expect(page.getByTestId('wall-probe-down').filter({ hasText: 'orders-since' })).toContainText('down for 16 min');

  const lead = await server.createUser('lead');
  const api = await fetch(`${server.url}/api/v1/rooms/launch/probes`, { headers: { authorization: `Bearer ${lead.token}` } });
  const probe = ((await api.json()) as { probes: { name: string; stateSince: string }[] }).probes.find((p) => p.name === 'orders-since')!;
  expect(Math.round((now - Date.parse(probe.stateSince)) / 60_000)).toBe(16);

  const context = await browser.newContext();
  await signIn(context, server, 'lead');
  const console_ = await context.newPage();
  await console_.goto(`${server.url}/rooms/launch/probes`);
  await expect(console_.getByTestId('probe-state-for').filter({ hasText: '16 min' })).toHaveText(' · down for 16 min');
  await context.close();

  // The phone's HTML has it before any script runs (the server reads the probes with the numbers)…
  const bare = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  await signIn(bare, server, 'viewer');
  const barePhone = await bare.newPage();
  await barePhone.goto(`${server.url}/`);
  await expect(barePhone.locator('[data-probe="orders-since"]').getByTestId('probe-down-for')).toContainText('down for 16 min');
  // The room switcher names the room before its list of rooms arrives (the server read the room already).
  await expect(barePhone.getByTestId('nav-room').locator('option')).toHaveText(['Launch night (launch)']);
  await bare.close();

  // …and the live page reads each side section once, after joining the room, not also as it starts.
  const phoneContext = await browser.newContext(PHONE);
  await signIn(phoneContext, server, 'viewer');
  const phone = await phoneContext.newPage();
  const reads: string[] = [];
  phone.on('request', (r) => {
    const m = /\/api\/v1\/rooms\/launch\/(probes|capacity|channel-health)$/.exec(new URL(r.url()).pathname);
    if (m) reads.push(m[1]!);
  });
  await phone.goto(`${server.url}/`);
  await expect(phone.locator('[data-probe="orders-since"]').getByTestId('probe-down-for')).toContainText('down for 16 min');
  await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', /^(live|stale)$/);
  await expect.poll(() => reads.length).toBeGreaterThanOrEqual(3);
  await phone.waitForTimeout(1500);
  expect(reads.sort()).toEqual(['capacity', 'channel-health', 'probes']);
  await phoneContext.close();
});
