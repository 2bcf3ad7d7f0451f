import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, TEST_BROWSER_PATH } from '../../scripts/chromium';
import { expect, launchFullBrowser, pushPoints, signIn, test } from './fixtures';
import { PHONE } from './phone-helpers';

test('an admin creates a room, sees its open incidents and headline move, switches to it, archives it', async ({ browser, server }) => {
  // Many pages in one story: past 60 s on a loaded 2-core machine.
  test.setTimeout(150_000);
  const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 860 } });
  const admin = await signIn(ctx, server, 'admin', 'Ada Admin');
  const page = await ctx.newPage();
  await page.goto(`${server.url}/rooms`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rooms');
  await expect(page.getByTestId('room-launch')).toBeVisible();

  // A bad slug is refused naming the field.
  const form = page.getByTestId('new-room');
  await form.getByLabel('Slug').fill('Black Friday');
  await form.getByLabel('Name', { exact: true }).fill('Black Friday');
  await form.getByRole('button', { name: 'New room' }).click();
  await expect(page.getByTestId('new-room-error')).toContainText('Slug');

  await form.getByLabel('Slug').fill('bf-2026');
  await form.getByLabel('Time zone').fill('Asia/Shanghai');
  await form.getByLabel('Language').selectOption('zh');
  await form.getByRole('button', { name: 'New room' }).click();
  const card = page.getByTestId('room-bf-2026');
  await expect(card).toContainText('Black Friday');
  await expect(card).toContainText('中文 · Asia/Shanghai');
  await expect(page.getByTestId('room-bf-2026-headline')).toHaveText('no data yet');

  // The headline carries its age: one from five minutes ago is past the room's threshold and looks stale.
  const key = await server.createIngestKey('bf-2026');
  await pushPoints(server, key, [{ name: 'users_total', value: 1_200_000, time: Date.now() - 5 * 60_000 }], 'bf-2026');
  await expect(page.getByTestId('room-bf-2026-headline')).toHaveText('1,200,000', { timeout: 12_000 });
  await expect(page.getByTestId('room-bf-2026-headline-box')).toHaveAttribute('data-stale', 'yes');
  await expect(page.getByTestId('room-bf-2026-headline-age')).toHaveText(/^stale 5 min$/);
  // The headline and open incidents follow without a reload.
  await pushPoints(server, key, [{ name: 'users_total', value: 1_234_567 }], 'bf-2026');
  await fetch(`${server.url}/api/v1/incidents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
    body: JSON.stringify({ title: 'Checkout slow', severity: 'SEV2', room: 'bf-2026' }),
  });
  await expect(page.getByTestId('room-bf-2026-headline')).toHaveText('1,234,567', { timeout: 12_000 });
  await expect(page.getByTestId('room-bf-2026-headline-box')).toHaveAttribute('data-stale', 'no');
  await expect(page.getByTestId('room-bf-2026-headline-age')).toHaveText(/^\d+ s ago$/);
  await expect(page.getByTestId('room-bf-2026-open')).toHaveText('1 open incident');
  await page.screenshot({ path: 'docs/rooms.png', fullPage: true });

  // The switcher keeps the kind of page: launch's report → bf-2026's report; its wall → bf-2026's wall.
  await page.goto(`${server.url}/rooms/launch/report`);
  await expect(page.getByTestId('nav-room')).toHaveValue('launch');
  await page.getByTestId('nav-room').selectOption('bf-2026');
  await expect(page).toHaveURL(`${server.url}/rooms/bf-2026/report`);
  await expect(page.getByTestId('nav-room')).toHaveValue('bf-2026');
  await page.goto(`${server.url}/rooms/bf-2026/servers`);
  await page.getByTestId('nav-room').selectOption('launch');
  await expect(page).toHaveURL(`${server.url}/rooms/launch/servers`);
  await page.goto(`${server.url}/incidents?room=bf-2026`);
  await expect(page.getByTestId('nav-room')).toHaveValue('bf-2026');
  await page.getByTestId('nav-room').selectOption('launch');
  await expect(page).toHaveURL(`${server.url}/incidents`);

  // `/` opens in the room last used, not in the default one: its name and its open incident.
  await page.goto(`${server.url}/rooms/bf-2026/servers`);
  await expect(page.getByTestId('nav-room')).toHaveValue('bf-2026');
  await page.goto(`${server.url}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Black Friday');
  await expect(page.getByText('Checkout slow')).toBeVisible();

  // Archive: gone from the list (and the switcher), back with "show archived"; writes are refused.
  await page.goto(`${server.url}/rooms`);
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('room-bf-2026-archive').click();
  await expect(page.getByTestId('room-bf-2026')).toHaveCount(0);
  await page.getByTestId('show-archived').check();
  await expect(page.getByTestId('room-bf-2026')).toHaveAttribute('data-archived', 'yes');
  await expect(page.getByTestId('nav-room').locator('option[value="bf-2026"]')).toHaveCount(0);
  const refused = await fetch(`${server.url}/api/v1/metrics`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ points: [{ name: 'users_total', value: 1_300_000 }] }),
  });
  expect(refused.status).toBe(409);
  // Its report still reads, under a read-only banner; no new incident there; the wall says archived.
  await page.goto(`${server.url}/rooms/bf-2026/report`);
  await expect(page.locator('[data-report-ready="yes"]')).toBeVisible();
  await expect(page.getByTestId('room-archived-banner')).toContainText('archived: read-only');
  await page.goto(`${server.url}/incidents?room=bf-2026`);
  await expect(page.getByTestId('room-archived-banner')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New incident' })).toHaveCount(0);
  // Its incident reads as history: no composer, and every control left on the page is disabled.
  await page.getByText('Checkout slow').click();
  await expect(page.getByTestId('incident-heading')).toHaveText('Checkout slow');
  await expect(page.getByTestId('room-archived-banner')).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  const writable = 'button:enabled, input:enabled, textarea:enabled, select:enabled';
  await expect(page.getByTestId('room-read-only').locator(writable)).toHaveCount(0);
  // The room's settings, probes and notifications pages: shown, with every control disabled.
  for (const sub of ['settings', 'probes', 'notifications']) {
    await page.goto(`${server.url}/rooms/bf-2026/${sub}`);
    const readOnly = page.getByTestId('room-read-only');
    await expect(readOnly.locator('button, input, select, textarea').first(), sub).toBeDisabled();
    await expect(readOnly.locator(writable), sub).toHaveCount(0);
  }
  await page.goto(`${server.url}/incidents`);
  await expect(page.getByRole('button', { name: 'New incident' })).toBeVisible();
  await expect(page.getByTestId('room-archived-banner')).toHaveCount(0);
  await page.goto(`${server.url}/wall/bf-2026`);
  await expect(page.getByTestId('wall-archived')).toHaveText('已归档 · 只读');
  // …but `/` no longer opens in it: an archived room is passed over for the default.
  await page.goto(`${server.url}/`);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Black Friday');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('');
  await ctx.close();
});

test('a person with a Chinese browser reads the phone page in Chinese in an English room', async ({ server }) => {
  // Its screenshot is in the README: the full browser, whose notification control reads as a phone's (fixtures.ts).
  const browser = await launchFullBrowser();
  try {
    // An English room of its own with no numbers yet: the server is shared with other tests, which feed the default room.
    await server.ctx.prisma.room.upsert({
      where: { slug: 'quiet-en' },
      create: { slug: 'quiet-en', name: 'Quiet night', locale: 'en', timeZone: 'UTC' },
      update: {},
    });
    const ctx = await browser.newContext({ ...PHONE, locale: 'zh-CN' });
    await signIn(ctx, server, 'lead', 'Li Lead');
    // `/` opens the room last used (the console's cookie).
    await ctx.addCookies([{ name: 'warroom-room', value: 'quiet-en', url: server.url }]);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quiet night');
    // The nav bar's room is the page's room, not the install's default.
    await expect(page.getByTestId('nav-room')).toHaveValue('quiet-en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByText('注册用户', { exact: true })).toBeVisible();
    await expect(page.getByText('当前在线', { exact: true })).toBeVisible();
    await expect(page.getByText('Registered users')).toHaveCount(0);
    // The room has no numbers yet: the empty trend box says so in the person's language, rather than a blank box.
    await expect(page.getByTestId('sparkline-waiting')).toHaveText('等待数据');
    await expect(page.getByTestId('sparkline')).toHaveAttribute('aria-label', /: 等待数据$/);
    // The screenshot once the room is joined and the switcher has the rooms' names.
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
    await expect(page.getByTestId('nav-room').locator('option:checked')).toHaveText('Quiet night (quiet-en)');
    await page.screenshot({ path: 'docs/phone-zh-person-en-room.png', fullPage: true });
  } finally {
    await browser.close();
  }
});

test("on `/` the nav bar names the room the page shows, also when it is reached by a link from another room's page", async ({
  browser,
  server,
}) => {
  await server.ctx.prisma.room.upsert({
    where: { slug: 'second-night' },
    create: { slug: 'second-night', name: 'Second night', locale: 'en', timeZone: 'UTC' },
    update: {},
  });
  const home = await server.ctx.prisma.room.findFirstOrThrow({ where: { isDefault: true } });
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await signIn(ctx, server, 'lead', 'Lee Lead');
  const page = await ctx.newPage();
  await page.goto(`${server.url}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(home.name);
  await expect(page.getByTestId('nav-room')).toHaveValue(home.slug);
  // Another room's page, then home by the nav bar's link: the nav bar stays mounted, the page is the room used last.
  await page.goto(`${server.url}/rooms/second-night/probes`);
  await expect(page.getByTestId('nav-room')).toHaveValue('second-night');
  await page.getByRole('link', { name: 'Warroom', exact: true }).click();
  await expect(page).toHaveURL(`${server.url}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Second night');
  await expect(page.getByTestId('nav-room')).toHaveValue('second-night');
  // Its links go to that room too.
  await expect(page.getByTestId('nav-wall')).toHaveAttribute('href', '/wall/second-night');
  // An archived room's page, then home: `/` passes the archived room over, and so does the nav bar.
  await server.ctx.prisma.room.upsert({
    where: { slug: 'old-night' },
    create: { slug: 'old-night', name: 'Old night', locale: 'en', timeZone: 'UTC', archivedAt: new Date() },
    update: {},
  });
  await page.goto(`${server.url}/rooms/old-night/probes`);
  await expect(page.getByTestId('room-archived-banner')).toBeVisible();
  await page.getByRole('link', { name: 'Warroom', exact: true }).click();
  await expect(page).toHaveURL(`${server.url}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(home.name);
  await expect(page.getByTestId('nav-room')).toHaveValue(home.slug);
  await ctx.close();
});

/** A fontconfig that knows Latin fonts only (DejaVu): what a fresh Linux kiosk has. */
function latinOnlyFontconfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fc-latin-'));
  mkdirSync(join(dir, 'cache'));
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>/usr/share/fonts/truetype/dejavu</dir>\n  <cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  return file;
}

/**
 * Waits until the page has registered the Chinese webfont's faces: they are
 * fetched after the first paint (app/_fonts/cjk-fonts.tsx), and the page says
 * so on <html data-cjk-fonts="ready">; then for the slices its text asked for.
 */
async function chineseFacesIn(page: Page): Promise<void> {
  await page.locator('html[data-cjk-fonts="ready"]').waitFor({ state: 'attached' });
  await page.evaluate(() => document.fonts.ready);
}

/**
 * Whether two different Chinese characters draw different pixels in the
 * given font stack: with no font for them both are the same "tofu" box.
 */
function glyphsDiffer(page: Page, fontFamily: string): Promise<boolean> {
  return page.evaluate(async (family) => {
    await document.fonts.ready;
    const draw = (ch: string) => {
      const c = document.createElement('canvas');
      c.width = 64;
      c.height = 64;
      const g = c.getContext('2d')!;
      g.font = `48px ${family}`;
      g.fillStyle = '#000';
      g.fillText(ch, 4, 52);
      return c.toDataURL();
    };
    // The canvas only draws a webfont already loaded: ask for the slices first.
    await document.fonts.load(`48px ${family}`, '万丁');
    return draw('万') !== draw('丁');
  }, fontFamily);
}

/**
 * An element's Chinese text width over the width of the same number of
 * characters no font has (private use: drawn as boxes). Glyphs are a full em
 * wide; the boxes are far narrower, so ≈1 means tofu.
 */
async function widthAgainstTofu(page: Page, selector: string): Promise<number> {
  return page.evaluate(async (sel) => {
    await new Promise((r) => setTimeout(r, 300));
    const el = document.querySelector(sel) as HTMLElement;
    const clone = el.cloneNode(false) as HTMLElement;
    clone.textContent = '\uE000'.repeat([...(el.textContent ?? '')].length);
    el.after(clone);
    const ratio = el.getBoundingClientRect().width / clone.getBoundingClientRect().width;
    clone.remove();
    return ratio;
  }, selector);
}

/** What is wrong with the wall chart's value axes as drawn now: repeated labels, a right axis too narrow for its labels. */
function axisProblems(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const el = document.querySelector('[data-testid="night-chart"]') as HTMLElement;
    const d = el.dataset;
    const problems: string[] = [];
    const labels = (id: 'y' | 'y2') => (d[`${id}Labels`] ?? '').split('|').filter(Boolean);
    for (const id of ['y', 'y2'] as const) {
      if (labels(id).length < 2) problems.push(`${id}: ${labels(id).length} labels`);
      if (new Set(labels(id)).size !== labels(id).length) problems.push(`${id} repeats: ${labels(id).join(' ')}`);
    }
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = d.tickFont!;
    const widest = Math.max(...labels('y2').map((l) => ctx.measureText(l).width));
    const room = Number(d.y2Width) - Number(d.y2Padding);
    if (widest > room + 0.5) problems.push(`y2 label ${widest.toFixed(1)} px wide in ${room} px`);
    return problems;
  });
}

test('a Chinese room renders Chinese on a browser with no CJK fonts (wall, phone, console)', async ({ server }) => {
  // A second browser, three pages and font downloads: on a loaded 2-core machine this took over 90 s.
  test.setTimeout(180_000);
  const browser: Browser = await chromium.launch({
    executablePath: TEST_BROWSER_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    env: { ...process.env, FONTCONFIG_FILE: latinOnlyFontconfig() } as Record<string, string>,
  });
  try {
    await server.ctx.prisma.room.create({ data: { slug: 'cn-night', name: '双十一之夜', locale: 'zh', timeZone: 'Asia/Shanghai' } });
    const key = await server.createIngestKey('cn-night');
    const display = await server.createDisplayLink('cn-night');
    await pushPoints(
      server,
      key,
      [
        { name: 'users_total', value: 1_358_765 },
        { name: 'users_online', value: 86_321 },
      ],
      'cn-night',
    );

    // The control: this browser really has no Chinese glyphs of its own.
    const bare = await browser.newPage();
    await bare.setContent('<p>万丁</p>');
    expect(await glyphsDiffer(bare, 'sans-serif')).toBe(false);
    await bare.close();

    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const fontBytes: { url: string; bytes: number }[] = [];
    wall.on('response', async (r) => {
      if (/\.woff2$/.test(r.url())) fontBytes.push({ url: r.url(), bytes: (await r.body()).length });
    });
    await wall.goto(`${server.url}/wall/cn-night?key=${encodeURIComponent(display)}`);
    await expect(wall.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(wall.getByTestId('headline-users')).toHaveText('135万8765');
    await chineseFacesIn(wall);
    const family = await wall.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(await glyphsDiffer(wall, family)).toBe(true);
    // The live counter keeps moving in Chinese: one more user changes the digits on the wall.
    await pushPoints(
      server,
      key,
      [
        { name: 'users_total', value: 1_358_790 },
        { name: 'users_online', value: 91_250 },
      ],
      'cn-night',
    );
    await expect(wall.getByTestId('headline-users')).toHaveText('135万8790');
    await wall.evaluate(() => document.fonts.ready);
    // The panel's label is drawn as glyphs, not as boxes of the same count.
    expect(await widthAgainstTofu(wall, '[data-testid="headline-users-panel"] span')).toBeGreaterThan(1.5);
    // So is the room's name, bold and filled in after the first paint (it stayed boxes behind system-ui).
    await expect(wall.getByTestId('wall-room-name')).toHaveText('双十一之夜');
    expect(await widthAgainstTofu(wall, '[data-testid="wall-room-name"]')).toBeGreaterThan(1.5);
    // The chart's axes: no label twice (25 users of range at 135万 drew "135.88万" six times), and the
    // right axis keeps room for its labels as drawn with the webfont (measured with boxes, 万 was cut off).
    await expect.poll(() => axisProblems(wall), { timeout: 15_000 }).toEqual([]);
    await wall.screenshot({ path: 'docs/wall-zh-no-cjk-fonts.png' });
    const total = fontBytes.reduce((s, f) => s + f.bytes, 0);
    // A handful of slices, not the whole font (~100 slices, several MB per weight).
    expect(fontBytes.length).toBeGreaterThan(0);
    expect(fontBytes.length).toBeLessThan(40);
    console.log(`wall (zh, no CJK fonts): ${fontBytes.length} font slices, ${Math.round(total / 1024)} KiB`);

    // A Chinese person's phone and console in the same font-less browser.
    const ctx = await browser.newContext({ ...PHONE, locale: 'zh-CN' });
    await signIn(ctx, server, 'viewer', '王小明');
    const phone = await ctx.newPage();
    await phone.goto(`${server.url}/`);
    await expect(phone.getByText('注册用户', { exact: true })).toBeVisible();
    await chineseFacesIn(phone);
    expect(await glyphsDiffer(phone, await phone.evaluate(() => getComputedStyle(document.body).fontFamily))).toBe(true);
    await phone.screenshot({ path: 'docs/phone-zh-no-cjk-fonts.png' });
    const console_ = await ctx.newPage();
    await console_.setViewportSize({ width: 1280, height: 800 });
    await console_.goto(`${server.url}/rooms`);
    await expect(console_.getByTestId('room-cn-night')).toContainText('双十一之夜');
    await chineseFacesIn(console_);
    expect(await glyphsDiffer(console_, await console_.evaluate(() => getComputedStyle(document.body).fontFamily))).toBe(true);
    await console_.screenshot({ path: 'docs/rooms-zh-no-cjk-fonts.png' });
    await ctx.close();
  } finally {
    await browser.close();
  }
});
