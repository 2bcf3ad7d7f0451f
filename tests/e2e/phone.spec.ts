import { expect, pushPoints, test as base } from './fixtures';
import { startServer, type TTestServer } from '../helpers/server';
import { horizontalOverflow, PHONE, smallTapTargets } from './phone-helpers';
import { failSocketScript, launchFullBrowser, signIn } from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';

// Each test seeds a night of its own into the default room, so each gets its own server and database.
const test = base.extend<{ server: TTestServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.stop();
  },
});

test.use(PHONE);

const MIN = 60_000;

/** JSON POST to the real API as a person or key would send it. */
async function post<T>(server: TTestServer, path: string, token: string, body: unknown): Promise<T> {
  const res = await fetch(server.url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Seeds a night in progress through the public API (the server is the only
 * writer, as in production): a 1.2M milestone, 70 minutes of users rising
 * 1,000 a minute across it, online, and two incidents, one claimed.
 */
async function seedNight(server: TTestServer) {
  const key = await server.createIngestKey();
  const lead = await server.createUser('lead', 'Lee Lead');
  const eng = await server.createUser('engineer', 'Dana Engineer');
  const room = await server.ctx.prisma.room.findFirstOrThrow({ where: { isDefault: true } });
  await post(server, `/api/v1/rooms/${room.slug}/milestones`, lead.token, {
    seriesName: 'users_total',
    threshold: 1_200_000,
    label: '1.2M users',
  });
  const now = Date.now();
  const points = [];
  for (let m = 70; m >= 1; m--) {
    points.push({ name: 'users_total', value: 1_250_000 - m * 1000, time: now - m * MIN });
    points.push({ name: 'users_online', value: 38_000 + (70 - m) * 10, time: now - m * MIN });
  }
  await pushPoints(server, key, points);
  const dirty = await post<{ number: number }>(server, '/api/v1/incidents', eng.token, {
    title: 'Partner feed sends dirty records',
    severity: 'SEV2',
  });
  await post(server, `/api/v1/incidents/${dirty.number}/claim`, eng.token, {});
  const node = await post<{ number: number }>(server, '/api/v1/incidents', eng.token, {
    title: 'web-3 node hardware fault',
    severity: 'SEV1',
  });
  return { key, now, dirty, node, eng };
}

test('the summary answers "how are we doing?" on a phone: numbers, growth, incidents with owners, milestones', async ({ server }) => {
  // The README's phone: in the full browser, whose notification control reads as a phone's (fixtures.ts).
  const browser = await launchFullBrowser();
  const context = await browser.newContext({ ...PHONE });
  const page = await context.newPage();
  try {
    await summary(page, context, server);
  } finally {
    await browser.close();
  }
});

async function summary(page: Page, context: BrowserContext, server: TTestServer) {
  const { key, now } = await seedNight(server);
  await signIn(context, server, 'viewer');
  await page.goto(`${server.url}/`);
  // The newest point is a minute old, past the room's 30 s: connected, but not "live";
  // the numbers grey with their age and growth is not guessed from old data.
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'stale');
  await expect(page.getByTestId('stale')).toHaveText(/^data stopped 1 min ago$/);
  await expect(page.getByTestId('headline-users')).toHaveText('1,249,000');
  await expect(page.getByTestId('headline-users-age')).toHaveText('stale 1 min');
  await expect(page.getByTestId('headline-online')).toHaveText('38,690');
  await expect(page.getByTestId('growth-minute')).toHaveText('—');
  await expect(page.getByTestId('growth-hour')).toHaveText('—');

  // Most severe first; the unowned SEV1 says how long it has waited for an owner, the claimed SEV2 names its owner.
  const rows = page.getByTestId('incident-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('web-3 node hardware fault');
  await expect(rows.nth(0).getByTestId('incident-owner')).toHaveText(/^unclaimed \d+ (s|min)$/);
  await expect(rows.nth(1)).toContainText('Dana Engineer');
  await expect(rows.nth(1)).toContainText(/open \d+ s/);
  await expect(page.getByTestId('severity-counts')).toContainText('SEV1 1');
  await expect(page.getByTestId('severity-counts')).toContainText('SEV2 1');
  await expect(page.getByTestId('milestones')).toContainText('1.2M users');
  // Fresh data: live again, and growth per minute and per hour from one window.
  // On the seeded line (+1,000 a minute), so growth reads exactly that.
  const t = Date.now();
  await pushPoints(server, key, [
    { name: 'users_total', value: Math.round(1_249_000 + ((t - (now - MIN)) / MIN) * 1000), time: t },
    { name: 'users_online', value: 38_700, time: t },
  ]);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('stale')).toHaveCount(0);
  await expect(page.getByTestId('growth-minute')).toHaveText('+1,000');
  await expect(page.getByTestId('growth-hour')).toHaveText('+60K');

  await expect(page.getByTestId('sparkline-line')).toHaveCount(2);
  await expect(page.getByTestId('sparkline')).toHaveAttribute('data-stale', 'no');
  await expect(page.getByTestId('sparkline-waiting')).toHaveCount(0);
  // Nothing jumps while data, ages and the chart arrive (cumulative layout shift), measured
  // before the full-page screenshot, whose resize of the viewport the browser counts as shifts.
  const cls = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number })[]) sum += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(sum), 300);
      }),
  );
  expect(cls).toBeLessThan(0.02);
  // The README shows this view.
  await page.screenshot({ path: 'docs/phone.png', fullPage: true });
  expect(await horizontalOverflow(page)).toEqual({ px: 0, culprits: [] });
  expect(await smallTapTargets(page)).toEqual([]);
}

/** The page asked for the script at `url` only after its first contentful paint. */
async function expectAskedAfterFirstPaint(page: Page, url: string | null) {
  const timing = await page.evaluate((u) => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const asked = performance.getEntriesByType('resource').find((e) => e.name === u)?.startTime ?? null;
    return { fcp, asked };
  }, url);
  expect(timing.fcp).not.toBeNull();
  expect(timing.asked).not.toBeNull();
  expect(timing.asked!).toBeGreaterThan(timing.fcp!);
}

test("the trend line comes drawn in the server's HTML and the phone loads no chart library", async ({ page, context, server }) => {
  const night = await seedNight(server);
  await signIn(context, server, 'viewer');
  const scripts: string[] = [];
  await page.route(/\/_next\/static\/.*\.js$/, async (route) => {
    const res = await route.fetch();
    const body = await res.text();
    if (body.includes('borderCapStyle')) scripts.push(route.request().url());
    await route.fulfill({ response: res, body });
  });
  await page.goto(`${server.url}/`);
  await expect(page.getByTestId('headline-users')).toHaveText('1,249,000');
  // Both lines, each on its own scale: registered users rise across the whole box, from its bottom to its top.
  const lines = page.getByTestId('sparkline-line');
  await expect(lines).toHaveCount(2);
  const usersLine = lines.and(page.locator('[data-color="users"]'));
  const users = await usersLine.evaluate((el) => {
    const svg = el.closest('svg')!.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return { width: box.width / svg.width, height: box.height / svg.height };
  });
  expect(users.width).toBeGreaterThan(0.95);
  expect(users.height).toBeGreaterThan(0.9);
  // Live: a new point moves the line's end, with no chart library anywhere on the way.
  const before = await usersLine.getAttribute('d');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', /^(live|stale)$/);
  await pushPoints(server, night.key, [{ name: 'users_total', value: 1_400_000 }]);
  await expect(page.getByTestId('headline-users')).toHaveText('1,400,000');
  await expect(usersLine).not.toHaveAttribute('d', before!);
  await page.waitForLoadState('networkidle');
  expect(scripts).toEqual([]);
});

test('the socket code loads after first paint; a phone it did not reach says reconnecting, then goes live once it loads', async ({
  page,
  context,
  server,
}) => {
  const night = await seedNight(server);
  await signIn(context, server, 'viewer');
  // The script that holds socket.io-client fails, as on a train, until released.
  const socketScript = await failSocketScript(page);
  await page.goto(`${server.url}/`);
  // The first paint and hydration do not wait for it: the numbers and incidents stand, with their ages.
  await expect(page.getByTestId('headline-users')).toHaveText('1,249,000');
  await expect(page.getByTestId('incident-row')).toHaveCount(2);
  await expect.poll(() => socketScript.url(), { message: 'the socket script was requested' }).not.toBeNull();
  // No socket: the screen does not say connecting for ever, nor live.
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'reconnecting', { timeout: 10_000 });
  socketScript.release();
  // Asked for again while the screen is open: it loads, connects and the room is read.
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'stale', { timeout: 15_000 });
  await pushPoints(server, night.key, [{ name: 'users_total', value: 1_300_000 }]);
  await expect(page.getByTestId('headline-users')).toHaveText('1,300,000');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');

  await expectAskedAfterFirstPaint(page, socketScript.url());
});

test('signed out in another tab before the socket came: the phone drops the room and says sign in, not offline beside old numbers', async ({
  page,
  context,
  server,
}) => {
  await seedNight(server);
  await signIn(context, server, 'viewer');
  const socketScript = await failSocketScript(page);
  await page.goto(`${server.url}/`);
  // The numbers came in the HTML, read for this session.
  await expect(page.getByTestId('headline-users')).toHaveText('1,249,000');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'reconnecting', { timeout: 10_000 });
  // The same browser signs out elsewhere; then the socket library arrives and its first handshake is refused.
  const out = await context.request.post(`${server.url}/api/auth/sign-out`, { headers: { origin: server.url }, data: {} });
  expect(out.ok()).toBe(true);
  socketScript.release();
  await expect(page.getByTestId('home').getByRole('alert')).toContainText('Sign in to see the room.', { timeout: 15_000 });
  // Nothing read for the ended session stays on screen.
  await expect(page.getByTestId('home')).not.toContainText('1,249,000');
  await expect(page.getByTestId('incident-row')).toHaveCount(0);
  // The socket is stopped for good: no "reconnecting" beside the words that say why.
  await expect(page.getByTestId('connection')).toHaveCount(0);
  await page.screenshot({ path: 'docs/phone-signed-out.png' });
});

test('numbers and incidents update live, without a reload', async ({ page, context, server }) => {
  const night = await seedNight(server);
  await signIn(context, server, 'viewer');
  await page.goto(`${server.url}/`);
  await expect(page.getByTestId('headline-users')).toHaveText('1,249,000');
  // The numbers are in the server's HTML: wait for the page to be hydrated and its socket joined before
  // counting navigations — the router's own history entry at hydration is not a reload (seen on a slow CI run).
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', /^(live|stale)$/);
  let navigations = 0;
  page.on('framenavigated', () => navigations++);

  await pushPoints(server, night.key, [
    { name: 'users_total', value: 1_262_000 },
    { name: 'users_online', value: 41_000 },
  ]);
  await expect(page.getByTestId('headline-users')).toHaveText('1,262,000');
  await expect(page.getByTestId('headline-online')).toHaveText('41,000');
  await expect(page.getByTestId('stale')).toHaveCount(0);

  // An engineer on a laptop opens an incident and claims it, through the public API.
  const eng = await server.createUser('engineer', 'Sam Oncall');
  const auth = { authorization: `Bearer ${eng.token}`, 'content-type': 'application/json' };
  const created = await fetch(`${server.url}/api/v1/incidents`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ title: 'Checkout errors', severity: 'SEV1' }),
  });
  expect(created.status).toBe(201);
  const incident = (await created.json()) as { number: number };
  const row = page.getByTestId('incident-row').filter({ hasText: 'Checkout errors' });
  await expect(row.getByTestId('incident-owner')).toHaveText(/^unclaimed \d+ s$/);
  await expect(page.getByTestId('severity-counts')).toContainText('SEV1 2');
  const claimed = await fetch(`${server.url}/api/v1/incidents/${incident.number}/claim`, { method: 'POST', headers: auth, body: '{}' });
  expect(claimed.status).toBe(200);
  await expect(row.getByTestId('incident-owner')).toContainText('Sam Oncall');
  expect(navigations).toBe(0);
});

test("a number is marked stale the moment it stops being current, not at the page's next 15 s tick", async ({ page, context, server }) => {
  // A 5 s threshold; the phone re-renders its ages every 15 s, so a mark that waited for that tick
  // would come up to 15 s late — a number shown as current while it is not.
  await server.ctx.prisma.room.updateMany({ where: { isDefault: true }, data: { staleAfterSeconds: 5 } });
  const key = await server.createIngestKey();
  await signIn(context, server, 'viewer');
  await page.goto(`${server.url}/`);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  // When the badge first says stale, by the page's clock (the same machine's as this test's).
  await page.evaluate(() => {
    const w = window as unknown as { staleAt?: number };
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="connection"]')?.getAttribute('data-state') === 'stale') w.staleAt ??= Date.now();
    }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
  });
  const t = Date.now();
  await pushPoints(server, key, [
    { name: 'users_total', value: 1000, time: t },
    { name: 'users_online', value: 40, time: t },
  ]);
  await expect(page.getByTestId('headline-users')).toHaveText('1,000');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('sparkline')).toHaveAttribute('data-stale', 'no');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'stale', { timeout: 25_000 });
  // The trend greys with the numbers: its end is where the data stopped, not now.
  await expect(page.getByTestId('sparkline')).toHaveAttribute('data-stale', 'yes');
  const staleAt = await page.evaluate(() => (window as unknown as { staleAt?: number }).staleAt ?? null);
  expect(staleAt).not.toBeNull();
  // Marked at its deadline (the point's time + 5 s), within the page's 100 ms check and a render on a busy machine.
  const late = staleAt! - (t + 5000);
  expect(late).toBeGreaterThanOrEqual(0);
  expect(late).toBeLessThan(2000);
  await expect(page.getByTestId('headline-users-age')).toHaveText(/^stale \d+ s$/);
});

test('the first paint carries the numbers and incidents, even before any JavaScript runs', async ({ browser, server }) => {
  await seedNight(server);
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  await signIn(context, server, 'viewer');
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await expect(page.getByTestId('headline-users')).toHaveText('1,249,000');
  // A minute old at the server's read: no growth guessed, the age is said.
  await expect(page.getByTestId('growth-minute')).toHaveText('—');
  await expect(page.getByTestId('headline-users-age')).toHaveText('stale 1 min');
  await expect(page.getByTestId('incident-row')).toHaveCount(2);
  // The trend line too: it is drawn by the server, not by a script, and says its age as the numbers do.
  await expect(page.getByTestId('sparkline-line')).toHaveCount(2);
  await expect(page.getByTestId('sparkline')).toHaveAttribute('data-stale', 'yes');
  await expect(page.getByTestId('sparkline')).toHaveAttribute('aria-label', /\(stale 1 min\)$/);
  // The push control too, its controls held until the browser has said what it has: drawn only
  // after hydration, its paragraph was the page's largest paint, a second after everything else.
  const notify = page.getByTestId('notify-device');
  await expect(notify).toContainText('A notification on this phone when an incident');
  await expect(notify.getByRole('button', { name: 'Notify me on this device' })).toBeDisabled();
  await context.close();
});

test('the first paint waits for one small stylesheet: the Chinese faces come after it, and nothing jumps up or down', async ({
  page,
  context,
  server,
}) => {
  await seedNight(server);
  await signIn(context, server, 'viewer');
  // What holds the first paint: the stylesheets the server's HTML links.
  const html = await (await page.request.get(`${server.url}/`)).text();
  const sheets = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])![1]!);
  expect(sheets.length).toBeGreaterThan(0);
  let css = '';
  for (const href of sheets) css += await (await page.request.get(new URL(href, server.url).href)).text();
  // The 182 faces of Noto Sans SC were 60 kB of gzipped CSS in that stylesheet, ahead of every first paint.
  expect(css).not.toContain('@font-face');
  expect(gzipSync(css).length).toBeLessThan(16 * 1024);

  await page.addInitScript(() => {
    type TShift = { value: number; hadRecentInput: boolean; sources: { node?: Node; previousRect: DOMRect; currentRect: DOMRect }[] };
    const w = window as unknown as { shifts: string[] };
    w.shifts = [];
    const name = (n?: Node) =>
      n instanceof Element
        ? `${n.tagName.toLowerCase()}${n.getAttribute('data-testid') ? `[${n.getAttribute('data-testid')}]` : ''}`
        : String(n?.nodeName);
    const rect = (r: DOMRect) => `${r.x},${r.y} ${r.width}×${r.height}`;
    new PerformanceObserver((list) => {
      // A status word that changes (connecting → live) moves its own left edge; a jump moves things down or up.
      for (const e of list.getEntries() as unknown as TShift[])
        if (!e.hadRecentInput && e.sources.some((s) => s.previousRect.y !== s.currentRect.y))
          w.shifts.push(
            `${e.value.toFixed(5)}: ${e.sources.map((s) => `${name(s.node)} ${rect(s.previousRect)} → ${rect(s.currentRect)}`).join('; ')}`,
          );
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${server.url}/`);
  // Joined: the night's last point is a minute old, so the room is read and said to be stale.
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'stale');
  // After hydration the page registers the faces (app/_fonts/cjk-fonts.tsx) and says so.
  await expect(page.locator('html')).toHaveAttribute('data-cjk-fonts', 'ready');
  const faces = await page.evaluate(() => [...document.fonts].filter((f) => f.family.replaceAll('"', '') === 'Warroom CJK').length);
  expect(faces).toBeGreaterThan(100);
  // Nothing on the page jumped as it hydrated, went live and took the faces (a face that changed the
  // height of a line would move everything below it).
  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts)).toEqual([]);
});

test('tapping an incident opens its timeline', async ({ page, context, server }) => {
  const night = await seedNight(server);
  await signIn(context, server, 'viewer');
  await page.goto(`${server.url}/`);
  const row = page.getByTestId('incident-row').filter({ hasText: 'dirty records' });
  await row.tap();
  await expect(page).toHaveURL(`${server.url}/incidents/${night.dirty.number}`);
});

test('from the summary a viewer taps into an incident, marks it seen and comments — by touch', async ({ page, context, server }) => {
  const night = await seedNight(server);
  const viewer = await signIn(context, server, 'viewer', 'Morgan Manager');
  await page.goto(`${server.url}/`);
  await page.getByTestId('incident-row').filter({ hasText: 'dirty records' }).tap();
  await expect(page).toHaveURL(`${server.url}/incidents/${night.dirty.number}`);
  expect(await horizontalOverflow(page)).toEqual({ px: 0, culprits: [] });

  await page.getByTestId('ack').tap();
  await expect(page.getByTestId('seen-by')).toContainText('Morgan Manager');
  await page.getByTestId('composer').tap();
  await page.getByTestId('composer').fill('Customers in the EU report slow sign-up: related?');
  await page.getByRole('button', { name: 'Comment' }).tap();
  const comment = page.getByTestId('timeline-entry').filter({ hasText: 'Customers in the EU report slow sign-up' });
  await expect(comment).toHaveAttribute('data-kind', 'comment');

  // Stored, as a comment by the viewer, for every other screen.
  const res = await fetch(`${server.url}/api/v1/incidents/${night.dirty.number}`, { headers: { authorization: `Bearer ${viewer.token}` } });
  const detail = (await res.json()) as {
    acknowledgedBy: { name: string }[];
    timeline: { kind: string; body: string | null; author: { name: string } | null }[];
  };
  expect(detail.acknowledgedBy.map((p) => p.name)).toContain('Morgan Manager');
  expect(detail.timeline.find((e) => e.kind === 'comment')).toMatchObject({
    body: 'Customers in the EU report slow sign-up: related?',
    author: { name: 'Morgan Manager' },
  });
});

test('a phone that slept catches up on wake: offline, changes meanwhile, back online — no reload', async ({ page, context, server }) => {
  const night = await seedNight(server);
  await signIn(context, server, 'viewer');
  await page.goto(`${server.url}/`);
  // Connected; the seeded numbers are a minute old, so the badge says stale rather than live.
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'stale');
  await expect(page.getByTestId('incident-row')).toHaveCount(2);
  let navigations = 0;
  page.on('framenavigated', () => navigations++);

  await context.setOffline(true);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', /^(reconnecting|offline)$/, { timeout: 30_000 });
  // While the phone is away: the numbers move and a new incident opens. No push can reach it.
  await pushPoints(server, night.key, [{ name: 'users_total', value: 1_300_000 }]);
  await post(server, '/api/v1/incidents', night.eng.token, { title: 'Login latency above safety line', severity: 'SEV3' });
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('headline-users')).toHaveText('1,249,000');

  await context.setOffline(false);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  await expect(page.getByTestId('headline-users')).toHaveText('1,300,000');
  await expect(page.getByTestId('incident-row')).toHaveCount(3);
  await expect(page.getByTestId('severity-counts')).toContainText('SEV3 1');
  expect(navigations).toBe(0);
});

test('back from an incident page after a drop it did not see, the summary reads the room again instead of saying live beside old numbers', async ({
  page,
  context,
  server,
}) => {
  const night = await seedNight(server);
  await signIn(context, server, 'viewer');
  let connections = 0;
  const sockets: { close(): Promise<void> }[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    connections++;
    sockets.push(ws);
    ws.connectToServer();
  });
  // Every word the badge says, from the first paint: a first load connects, it does not reconnect.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { badgeStates: string[] }).badgeStates = seen;
    new MutationObserver(() => {
      const state = document.querySelector('[data-testid="connection"]')?.getAttribute('data-state');
      if (state && seen.at(-1) !== state) seen.push(state);
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
  await pushPoints(server, night.key, [{ name: 'users_total', value: 1_260_000 }]);
  await page.goto(`${server.url}/`);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('headline-users')).toHaveText('1,260,000');
  const firstLoad = await page.evaluate(() => (window as unknown as { badgeStates: string[] }).badgeStates);
  expect(firstLoad.at(-1)).toBe('live');
  expect(firstLoad).not.toContain('reconnecting');
  await page.getByTestId('incident-row').filter({ hasText: 'dirty records' }).tap();
  await expect(page).toHaveURL(`${server.url}/incidents/${night.dirty.number}`);

  // On the incident page the connection drops and comes back; the number moves meanwhile.
  const before = connections;
  await sockets.at(-1)!.close();
  await pushPoints(server, night.key, [{ name: 'users_total', value: 1_300_000 }]);
  await expect.poll(() => connections, { timeout: 20_000 }).toBeGreaterThan(before);

  // Back on the summary (the app's own navigation, no reload): it held the room from before the drop.
  await page.goBack();
  await expect(page.getByTestId('headline-users')).toHaveText('1,300,000');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
});

test('installable: the page links a manifest whose icons and theme colour are served', async ({ page, context, server }) => {
  await signIn(context, server, 'viewer');
  await page.goto(`${server.url}/`);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#070a0e');
  const res = await page.request.get(server.url + href);
  expect(res.status()).toBe(200);
  const manifest = (await res.json()) as {
    start_url: string;
    display: string;
    theme_color: string;
    icons: { src: string; sizes: string; type: string; purpose: string }[];
  };
  expect(manifest).toMatchObject({ start_url: '/', display: 'standalone', theme_color: '#070a0e' });
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
  for (const icon of manifest.icons) {
    const r = await page.request.get(server.url + icon.src);
    expect(r.status(), icon.src).toBe(200);
    expect(r.headers()['content-type']).toContain(icon.type);
  }
  const apple = await page.request.get(server.url + (await page.locator('link[rel="apple-touch-icon"]').getAttribute('href')));
  expect(apple.status()).toBe(200);
});

test.describe('on a laptop', () => {
  test.use({ viewport: { width: 1280, height: 800 }, hasTouch: false, isMobile: false, deviceScaleFactor: 1 });

  test('the same page is an overview in two columns, under the console nav bar (incident log, wall, API docs, help)', async ({
    page,
    context,
    server,
  }) => {
    await seedNight(server);
    await signIn(context, server, 'viewer');
    await page.goto(`${server.url}/`);
    await expect(page.getByTestId('headline-users')).toHaveText('1,249,000');
    const numbers = await page.getByTestId('headline-users').boundingBox();
    const incidents = await page.getByTestId('incident-list').boundingBox();
    // Side by side, not stacked as on the phone.
    expect(incidents!.x).toBeGreaterThan(numbers!.x + numbers!.width);
    expect(incidents!.y).toBeLessThan(numbers!.y + 200);
    // The console's own nav bar, as on every other page, with the API docs and help.
    const nav = page.getByTestId('console-nav');
    await expect(nav.getByTestId('nav-incidents')).toHaveAttribute('href', '/incidents');
    await expect(nav.getByTestId('nav-wall')).toHaveAttribute('href', '/wall/launch');
    await expect(nav.getByTestId('nav-home')).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByTestId('nav-apiDocs')).toHaveAttribute('href', '/api-docs');
    expect(await horizontalOverflow(page)).toEqual({ px: 0, culprits: [] });
    await page.screenshot({ path: 'docs/home-laptop.png' });
    await nav.getByTestId('nav-help').click();
    await expect(page.getByTestId('help')).toContainText('/admin → Tokens, ingest keys and display links');
  });
});
