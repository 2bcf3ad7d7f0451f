import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { api, type TTestServer } from '../helpers/server';
import { expect, failSocketScript, pushPoints, test } from './fixtures';
import { seedLaunchNight } from './wall-seed';
import { expectNoOverflow } from './wall-layout';

/**
 * What the wall says in each state it can be in, unattended: live, stale,
 * a silent server, no data yet, a revoked / wrong / missing key, an unknown
 * room; that it fits from a phone to 4K; that it celebrates only what it saw
 * crossed; that its time axis runs to now. Each state is photographed into
 * docs/wall-states/ (linked from the README's "What the wall says when").
 */
const SHOTS = 'docs/wall-states';
const MIN = 60_000;
const shot = async (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

/** A room of this spec's own, created once, with milestones on registered users. */
async function room(server: TTestServer, slug: string, staleAfterSeconds = 30, milestones: number[] = [2e6], locale: 'en' | 'zh' = 'en') {
  const existing = await server.ctx.prisma.room.findUnique({ where: { slug } });
  if (!existing) {
    await server.ctx.prisma.room.create({
      data: {
        slug,
        name: `Truth: ${slug}`,
        staleAfterSeconds,
        locale,
        milestones: {
          create: milestones.map((threshold) => ({ seriesName: 'users_total', threshold, label: `${threshold / 1e6}M users` })),
        },
      },
    });
  }
  return { key: await server.createIngestKey(slug), display: await server.createDisplayLink(slug) };
}

/** Registered users and online, one point every 30 s for the last 20 minutes, ending at `end`. */
function night(end: number, base = 1_500_000) {
  const points: { name: string; value: number; time: number }[] = [];
  for (let t = end - 20 * MIN, i = 0; t <= end; t += 30_000, i++) {
    points.push({ name: 'users_total', value: base + i * 2_500, time: t });
    points.push({ name: 'users_online', value: 40_000 + i * 30, time: t });
  }
  return points;
}

test.use({ viewport: { width: 1920, height: 1080 } });

test('stale data: headline and rates grey with their age, the badge says stale (never live), a silent server says silent', async ({
  page,
  server,
}) => {
  const { key, display } = await room(server, 'truth-stale', 10);
  const now = Date.now();
  await pushPoints(server, key, night(now), 'truth-stale');
  await pushPoints(
    server,
    key,
    [
      { name: 'cpu_ratio', value: 0.41, labels: { server: 'web-1' }, time: now },
      { name: 'error_ratio', value: 0.002, labels: { server: 'web-1' }, time: now },
      // web-2 last reported two minutes ago: silent, not its last colour.
      { name: 'cpu_ratio', value: 0.97, labels: { server: 'web-2' }, time: now - 2 * MIN },
      { name: 'error_ratio', value: 0.08, labels: { server: 'web-2' }, time: now - 2 * MIN },
    ],
    'truth-stale',
  );
  await page.goto(`${server.url}/wall/truth-stale?key=${encodeURIComponent(display)}`);
  await expect(page.getByTestId('headline-users')).toHaveText('1,600,000');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('connection')).toHaveText('live');
  // One window, two units: +5,000/min and +300K/h.
  await expect(page.getByTestId('headline-users-per-min')).toHaveText('+5,000/min');
  await expect(page.getByTestId('headline-users-per-hour')).toHaveText('+300K/h');
  await expect(page.getByTestId('headline-users-eta')).toHaveText(/^next 2M users in \d/);
  const silent = page.locator('[data-testid="server"][data-server="web-2"]');
  await expect(silent).toHaveAttribute('data-state', 'silent');
  await expect(silent).toContainText(/silent\s*2 min/);
  await expect(page.locator('[data-testid="server"][data-server="web-1"]')).toHaveAttribute('data-state', 'ok');
  await shot(page, 'live');

  // Nothing more arrives: past the room's 10 s every figure says so.
  await expect(page.getByTestId('headline-users-panel')).toHaveAttribute('data-stale', 'yes', { timeout: 20_000 });
  await expect(page.getByTestId('headline-users-age')).toHaveText(/^stale \d+ s$/);
  await expect(page.getByTestId('headline-online-age')).toHaveText(/^stale \d+ s$/);
  await expect(page.getByTestId('headline-users-per-min')).toHaveText('—/min');
  await expect(page.getByTestId('headline-users-per-hour')).toHaveText('—/h');
  await expect(page.getByTestId('headline-users-eta')).toHaveText('next 2M users —');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'stale');
  await expect(page.getByTestId('connection')).toHaveText('stale');
  await expect(page.getByTestId('stale')).toHaveText(/^data stopped \d+ s ago$/);
  await expect(page.getByTestId('wall')).toHaveAttribute('data-stale', 'yes');
  // The headline's value is still there (it is the last known), in grey.
  await expect(page.getByTestId('headline-users')).toHaveText('1,600,000');
  await expect(page.getByTestId('headline-users')).toHaveClass(/text-dim/);
  await shot(page, 'stale');

  // Data again: live, and the rates come back.
  await pushPoints(
    server,
    key,
    [
      { name: 'users_total', value: 1_605_000, time: Date.now() },
      { name: 'users_online', value: 41_300, time: Date.now() },
    ],
    'truth-stale',
  );
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('headline-users-per-min')).not.toHaveText('—/min');
  await expect(page.getByTestId('stale')).toHaveCount(0);
});

test('a Chinese room says the same states in its own words', async ({ page, server }) => {
  const { key, display } = await room(server, 'truth-zh', 30, [2e6], 'zh');
  await pushPoints(server, key, night(Date.now() - 2 * MIN), 'truth-zh');
  await page.goto(`${server.url}/wall/truth-zh?key=${encodeURIComponent(display)}`);
  await expect(page.getByTestId('headline-users')).toHaveText(/^160万\d{4}$/);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'stale');
  await expect(page.getByTestId('connection')).toHaveText('数据停滞');
  await expect(page.getByTestId('stale')).toHaveText(/^数据2分钟前停止$/);
  await expect(page.getByTestId('headline-users-age')).toHaveText('2分钟前');
  await expect(page.getByTestId('headline-users-per-min')).toHaveText('—/分钟');
  await shot(page, 'stale-zh');
});

test('a display link revoked while showing clears the wall within 10 s, and says so', async ({ page, server }) => {
  await room(server, 'truth-revoke');
  const { key } = await room(server, 'truth-revoke');
  const admin = await server.createUser('admin');
  await pushPoints(server, key, night(Date.now()), 'truth-revoke');
  await api(server, 'POST', '/api/v1/incidents', {
    token: admin.token,
    body: { title: 'Checkout latency above 2 s', severity: 'SEV2', room: 'truth-revoke' },
  });
  const issued = await api(server, 'POST', '/api/v1/admin/credentials', {
    token: admin.token,
    body: { kind: 'display', room: 'truth-revoke', name: 'lobby TV' },
  });
  expect(issued.status).toBe(201);
  const { secret, credential } = issued.body as { secret: string; credential: { id: string } };

  await page.goto(`${server.url}/wall/truth-revoke?key=${encodeURIComponent(secret)}`);
  await expect(page.getByTestId('headline-users')).toHaveText('1,600,000');
  await expect(page.getByTestId('incident')).toContainText('Checkout latency above 2 s');

  const revoked = await api(server, 'DELETE', `/api/v1/admin/credentials/${credential.id}`, { token: admin.token });
  expect(revoked.status).toBe(200);
  await expect(page.getByTestId('access')).toHaveAttribute('data-problem', 'revoked', { timeout: 10_000 });
  await expect(page.getByTestId('access')).toContainText('This display link was revoked');
  // Nothing of the room stays: no numbers, no incident titles, no room name.
  await expect(page.getByTestId('headline-users')).toHaveCount(0);
  await expect(page.getByText('Checkout latency above 2 s')).toHaveCount(0);
  await expect(page.getByText('1,600,000')).toHaveCount(0);
  await expect(page.getByText('Truth: truth-revoke')).toHaveCount(0);
  await shot(page, 'revoked');

  // Opened again with the dead key: the link does not work (not "reconnecting" forever).
  await page.reload();
  await expect(page.getByTestId('access')).toHaveAttribute('data-problem', 'badKey');
});

test('a wrong key, no session and an unknown room each get their own full-screen words', async ({ page, server }) => {
  const { display } = await room(server, 'truth-access');
  await page.goto(`${server.url}/wall/truth-access?key=not-a-real-key`);
  await expect(page.getByTestId('access')).toHaveAttribute('data-problem', 'badKey');
  await expect(page.getByTestId('access')).toContainText('This display link does not work');
  await expect(page.getByTestId('connection')).toHaveCount(0);
  await shot(page, 'bad-key');

  await page.goto(`${server.url}/wall/truth-access`);
  await expect(page.getByTestId('access')).toHaveAttribute('data-problem', 'signin');
  await expect(page.getByTestId('access')).toContainText('Not signed in');
  // It names where display links really are: the admin page's keys section.
  await expect(page.getByTestId('access')).toContainText('/admin → Tokens, ingest keys and display links');
  await shot(page, 'no-session');

  await page.goto(`${server.url}/wall/nosuchroom?key=${encodeURIComponent(display)}`);
  await expect(page.getByTestId('access')).toHaveAttribute('data-problem', 'unknownRoom');
  await expect(page.getByTestId('access')).toContainText('No such room');
  await expect(page.getByText('waiting for data')).toHaveCount(0);
  await shot(page, 'unknown-room');
});

test('a wrong key on a link so slow that the socket library comes after the screen gave up on it is still a wrong key, never "revoked"', async ({
  page,
  server,
}) => {
  await room(server, 'truth-slowkey');
  const problems: string[] = [];
  await page.exposeFunction('noteProblem', (p: string) => problems.push(p));
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid="access"]')?.getAttribute('data-problem');
      if (p) (window as unknown as { noteProblem: (p: string) => void }).noteProblem(p);
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-problem'] });
  });
  // socket.io-client fails to load until released: the screen counts that as a failed connection after 5 s.
  const socketScript = await failSocketScript(page);
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto(`${server.url}/wall/truth-slowkey?key=not-a-real-key`);
  // No socket, so no word on the key yet: the wall does not claim it has the room.
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'reconnecting', { timeout: 10_000 });
  socketScript.release();
  // The library loads on the next try, its handshake is refused: the key never worked here.
  await expect.poll(() => sockets.length, { timeout: 15_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('access')).toHaveAttribute('data-problem', 'badKey', { timeout: 10_000 });
  await expect(page.getByTestId('access')).toContainText('This display link does not work');
  // Every state the access screen took: a refusal counted after the late library once read "revoked".
  expect(new Set(problems)).toEqual(new Set(['badKey']));
});

test('an empty room says "waiting for data" instead of drawing an empty axis', async ({ page, server }) => {
  const { display } = await room(server, 'truth-empty');
  await page.goto(`${server.url}/wall/truth-empty?key=${encodeURIComponent(display)}`);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('chart-waiting')).toBeVisible();
  await expect(page.getByTestId('night-chart')).toHaveAttribute('data-ticks', '');
  await expect(page.getByTestId('headline-users')).toHaveText('waiting for data');
  await shot(page, 'empty');
});

test('the celebration fires only on a crossing seen live', async ({ page, server }) => {
  const { key, display } = await room(server, 'truth-cross', 30, [1e6, 2e6]);
  await page.goto(`${server.url}/wall/truth-cross?key=${encodeURIComponent(display)}`);
  await expect(page.getByTestId('chart-waiting')).toBeVisible();
  // The first point lands above 1M: nothing was crossed while the wall watched.
  await pushPoints(server, key, [{ name: 'users_total', value: 1_200_000, time: Date.now() - 60_000 }], 'truth-cross');
  await expect(page.getByTestId('headline-users')).toHaveText('1,200,000');
  await expect(page.getByTestId('celebration')).toHaveCount(0);
  await pushPoints(server, key, [{ name: 'users_total', value: 1_950_000, time: Date.now() - 30_000 }], 'truth-cross');
  await expect(page.getByTestId('headline-users')).toHaveText('1,950,000');
  await expect(page.getByTestId('celebration')).toHaveCount(0);
  // 1.95M → 2.01M, seen live: that one is celebrated.
  await pushPoints(server, key, [{ name: 'users_total', value: 2_010_000, time: Date.now() }], 'truth-cross');
  await expect(page.getByTestId('celebration')).toHaveAttribute('data-milestone', '2M users');
  await shot(page, 'celebration');
  // Opened after the crossing: no celebration for a milestone reached before the page was there.
  await page.reload();
  await expect(page.getByTestId('headline-users')).toHaveText('2,010,000');
  await expect(page.getByTestId('headline-users-reached')).toContainText('2M users');
  await expect(page.getByTestId('celebration')).toHaveCount(0);
});

test('the chart’s time axis runs to now: a mark after the last point is drawn, and no tick label repeats', async ({ page, server }) => {
  const { key, display } = await room(server, 'truth-axis');
  const lead = await server.createUser('lead');
  const end = Date.now() - 4 * MIN;
  await pushPoints(server, key, night(end), 'truth-axis');
  const mark = await api(server, 'POST', '/api/v1/rooms/truth-axis/annotations', { token: lead.token, body: { label: 'mark now' } });
  expect(mark.status).toBe(201);
  const markId = (mark.body as { id: string }).id;
  await page.goto(`${server.url}/wall/truth-axis?key=${encodeURIComponent(display)}`);
  const chart = page.getByTestId('night-chart');
  await expect(chart).toHaveAttribute('data-marks', new RegExp(markId));
  const xMax = Number(await chart.getAttribute('data-x-max'));
  const lastPoint = Number(await chart.getAttribute('data-last-point'));
  expect(lastPoint).toBe(end);
  // The axis ends at the server's now, past the last point and the mark.
  expect(xMax).toBeGreaterThanOrEqual(end + 4 * MIN - 1000);
  const ticks = (await chart.getAttribute('data-ticks'))!.split('|');
  expect(ticks.length).toBeGreaterThanOrEqual(3);
  expect(new Set(ticks).size).toBe(ticks.length);
  for (const t of ticks) expect(t).toMatch(/^\d\d:\d\d$/);
  await shot(page, 'chart-to-now');
});

test('one wild point does not flatten the chart, and a lead deleting it redraws the wall at once with a note', async ({ page, server }) => {
  const { key, display } = await room(server, 'truth-wild');
  const lead = await server.createUser('lead', 'Wild Lead');
  const end = Date.now() - MIN;
  const points = night(end);
  const wildAt = end - 10 * MIN;
  points.push({ name: 'users_total', value: 9_000_000_000, time: wildAt });
  await pushPoints(server, key, points, 'truth-wild');
  await page.goto(`${server.url}/wall/truth-wild?key=${encodeURIComponent(display)}`);
  const chart = page.getByTestId('night-chart');
  await expect(chart).toHaveAttribute('data-last-point', String(end));
  // The axis spans the night (1.5M–1.6M), not 0–9 billion.
  expect(Number(await chart.getAttribute('data-y-max'))).toBeLessThan(2_000_000);
  expect(Number(await chart.getAttribute('data-y-min'))).toBeGreaterThan(1_000_000);
  const marksBefore = (await chart.getAttribute('data-marks')) ?? '';
  const del = await api(server, 'DELETE', `/api/v1/rooms/truth-wild/series/users_total/points?from=${wildAt}&to=${wildAt}`, {
    token: lead.token,
  });
  expect(del.body).toEqual({ deleted: 1 });
  // No reload: the wall is told, refetches, and the deletion's note appears on the chart.
  await expect(chart).not.toHaveAttribute('data-marks', marksBefore);
  const settings = await api(server, 'GET', '/api/v1/rooms/truth-wild/settings', { token: display });
  expect((settings.body as { annotations: { label: string }[] }).annotations[0]!.label).toMatch(
    /^Wild Lead deleted 1 point of users_total/,
  );
  // Redrawn without it: the axis (now chosen by the chart, with the 2M milestone line) is still the night's.
  await expect.poll(async () => Number(await chart.getAttribute('data-y-max'))).toBeLessThan(3_000_000);
});

for (const [width, height] of [
  [360, 740],
  [390, 844],
  [1366, 768],
  [1920, 1080],
  [3840, 2160],
] as const) {
  test(`the wall at ${width}×${height}: nothing overflows the screen`, async ({ page, server }) => {
    // A launch night of its own per size, so every screenshot shows the same live night.
    const slug = `truth-size-${width}`;
    const seeded = await seedLaunchNight(server, { room: slug });
    await seeded.freshen();
    const display = await server.createDisplayLink(slug);
    await page.setViewportSize({ width, height });
    await page.goto(`${server.url}/wall/${slug}?key=${encodeURIComponent(display)}`);
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
    await expect(page.getByTestId('incidents-count')).toHaveText('3');
    await expect(page.locator('[data-testid="server"]').first()).toBeVisible();
    // The moments' labels are drawn only where the chart has the height for them beside the milestones'.
    const chartHeight = await page.getByTestId('night-chart').evaluate((el) => el.clientHeight);
    await expect(page.getByTestId('night-chart')).toHaveAttribute('data-mark-labels', chartHeight < 200 ? 'hidden' : 'shown');
    if (width >= 1920) expect(chartHeight).toBeGreaterThanOrEqual(200);
    if (width === 360 || width === 1366) await shot(page, `size-${width}x${height}`);
    // At least the most urgent incident has room, whatever the size; the rest are counted.
    await expect(page.getByTestId('incident').first()).toBeVisible();
    await expectNoOverflow(page);
  });
}
