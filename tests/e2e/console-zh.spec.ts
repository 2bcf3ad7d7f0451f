import type { Browser, Page } from '@playwright/test';
import { expect, openIncident as createIncident, signIn, test } from './fixtures';
import type { TTestServer } from '../helpers/server';

/** Opens an incident and remembers it, to be resolved after the test. */
async function openIncident(server: TTestServer, token: string, title: string, severity = 'SEV2') {
  const inc = await createIncident(server, token, title, severity);
  opened.push({ id: inc.id, token });
  return inc;
}

/** Incidents these tests opened in the shared default room; resolved afterwards so later specs' walls are not crowded by them. */
const opened: { id: string; token: string }[] = [];
test.afterEach(async ({ server }) => {
  for (const { id, token } of opened.splice(0)) {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const cur = (await (await fetch(`${server.url}/api/v1/incidents/${id}`, { headers })).json()) as { version: number; status: string };
    if (cur.status === 'resolved') continue;
    const res = await fetch(`${server.url}/api/v1/incidents/${id}/status`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ status: 'resolved', version: cur.version }),
    });
    if (res.status !== 200) throw new Error(`resolve answered ${res.status}: ${await res.text()}`);
  }
});

/** A browser whose language is Chinese: Chromium sends Accept-Language zh-CN. */
const zhContext = (browser: Browser, viewport = { width: 1280, height: 860 }) => browser.newContext({ locale: 'zh-CN', viewport });

test('a person with a Chinese browser reads the console, an incident and the admin page in Chinese', async ({ browser, server }) => {
  const ctx = await zhContext(browser);
  try {
    const admin = await signIn(ctx, server, 'admin', 'Wang Admin');
    const inc = await openIncident(server, admin.token, '支付回调超时');
    const page = await ctx.newPage();

    await page.goto(`${server.url}/incidents`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('事件');
    // The tab says it too.
    await expect(page).toHaveTitle('事件 · Warroom');
    await expect(page.getByTestId('connection')).toHaveText('● 实时');
    await expect(page.getByRole('button', { name: '新建事件' })).toBeVisible();
    await expect(page.getByRole('button', { name: '未解决' })).toHaveAttribute('aria-pressed', 'true');
    const row = page.locator(`[data-testid="incident-row"][data-number="${inc.number}"]`);
    await expect(row.getByTestId('incident-owner')).toHaveText('无人认领');
    await expect(row.locator('[data-status]')).toHaveText('调查中');
    await expect(page.getByTestId('nav-incidents')).toHaveText('事件');

    await row.getByTestId('incident-title').click();
    await expect(page.getByTestId('incident-heading')).toHaveText('支付回调超时');
    await expect(page.getByTestId('unowned-flag')).toHaveText('无人认领');
    await expect(page.getByTestId('claim')).toHaveText('我来处理');
    await expect(page.getByTestId('owner-line')).toContainText('负责人：无人');
    await expect(page.getByTestId('status-resolved')).toHaveText('已解决');
    // Times in the timeline are 24-hour: "20:17:48", never "08:17:48 PM".
    await expect(page.getByTestId('timeline-entry').first().locator('time')).toHaveText(/^\d\d:\d\d:\d\d$/);
    await expect(page.getByTestId('timeline-entry').first()).toContainText('创建了事件，级别 SEV2');

    await page.getByTestId('nav-admin').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('管理');
    await expect(page).toHaveTitle('管理 · Warroom');
    await expect(page.getByRole('heading', { name: '人员' })).toBeVisible();
    await expect(page.getByRole('button', { name: '添加人员' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: '最近使用' })).toBeVisible();

    // The override: English sticks across a reload although the browser still asks for Chinese.
    await page.getByTestId('lang-en').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Admin');
    await expect(page.getByTestId('nav-incidents')).toHaveText('Incidents');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Admin');
    await expect(page).toHaveTitle('Admin · Warroom');
    await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
    await page.goto(`${server.url}/incidents/${inc.number}`);
    await expect(page.getByTestId('unowned-flag')).toHaveText('Unowned');
    // …and back to Chinese.
    await page.getByTestId('lang-zh').click();
    await expect(page.getByTestId('unowned-flag')).toHaveText('无人认领');
  } finally {
    await ctx.close();
  }
});

test('the nav shows only what the role allows, with the room in the path', async ({ browser, server }) => {
  const expected: Record<'viewer' | 'lead' | 'admin', { settings: boolean; admin: boolean }> = {
    viewer: { settings: false, admin: false },
    lead: { settings: true, admin: false },
    admin: { settings: true, admin: true },
  };
  for (const role of ['viewer', 'lead', 'admin'] as const) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    try {
      await signIn(ctx, server, role, `Nav ${role}`);
      const page = await ctx.newPage();
      await page.goto(`${server.url}/incidents`);
      const nav = page.getByTestId('console-nav');
      for (const key of ['home', 'incidents', 'wall', 'servers', 'probes', 'handover', 'report'])
        await expect(nav.getByTestId(`nav-${key}`)).toBeVisible();
      await expect(nav.getByTestId('nav-wall')).toHaveAttribute('href', '/wall/launch');
      await expect(nav.getByTestId('nav-servers')).toHaveAttribute('href', '/rooms/launch/servers');
      await expect(nav.getByTestId('nav-settings')).toHaveCount(expected[role].settings ? 1 : 0);
      await expect(nav.getByTestId('nav-notifications')).toHaveCount(expected[role].settings ? 1 : 0);
      await expect(nav.getByTestId('nav-admin')).toHaveCount(expected[role].admin ? 1 : 0);
      await expect(nav.getByTestId('sign-out')).toBeVisible();
      // A page in another room keeps that room in every link.
      await page.goto(`${server.url}/incidents?room=launch-b`);
      await expect(nav.getByTestId('nav-handover')).toHaveAttribute('href', '/rooms/launch-b/handover');
      await expect(nav.getByTestId('nav-incidents')).toHaveAttribute('href', '/incidents?room=launch-b');
    } finally {
      await ctx.close();
    }
  }
});

test('text then a status goes out as one update: the text is kept and the status changes', async ({ browser, server }) => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  try {
    const eng = await signIn(ctx, server, 'engineer', 'Una Update');
    const inc = await openIncident(server, eng.token, 'Queue backlog grows');
    const page = await ctx.newPage();
    const writes: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes(`/api/v1/incidents/${inc.id}/`))
        writes.push(new URL(r.url()).pathname.split('/').pop() ?? '');
    });
    await page.goto(`${server.url}/incidents/${inc.number}`);
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');

    // Typing, then clicking a status button: one POST …/updates with both.
    await page.getByTestId('composer').fill('Consumer restarted; backlog draining');
    await expect(page.getByTestId('status-with-text')).toBeVisible();
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/incidents/${inc.id}/updates`) && r.request().method() === 'POST');
    await page.getByTestId('status-identified').click();
    const res = await answer;
    expect(res.status()).toBe(201);
    expect(res.request().postDataJSON()).toMatchObject({ body: 'Consumer restarted; backlog draining', status: 'identified' });
    await expect(page.getByTestId('status-identified')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('timeline')).toContainText('Consumer restarted; backlog draining');
    await expect(page.getByTestId('timeline')).toContainText('status: Investigating → Identified');
    await expect(page.getByTestId('composer')).toHaveValue('');

    // The composer's own status choice does the same.
    await page.getByTestId('composer').fill('Backlog at zero, watching');
    await page.getByTestId('composer-status').selectOption('monitoring');
    await expect(page.getByTestId('composer-send')).toHaveText('Post and set Monitoring');
    await page.getByTestId('composer-send').click();
    await expect(page.getByTestId('status-monitoring')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('timeline')).toContainText('Backlog at zero, watching');
    expect(writes).toEqual(['updates', 'updates']);
  } finally {
    await ctx.close();
  }
});

test("a form error reads in words, in the person's language", async ({ browser, server }) => {
  for (const [locale, title, severity] of [
    ['en-US', 'Title is required', 'Severity needs a valid choice'],
    ['zh-CN', '请填写标题', '请选择有效的级别'],
  ] as const) {
    const ctx = await browser.newContext({ locale, viewport: { width: 1280, height: 860 } });
    try {
      await signIn(ctx, server, 'engineer', `Form ${locale}`);
      const page = await ctx.newPage();
      await page.goto(`${server.url}/incidents`);
      await page.getByRole('button', { name: locale === 'en-US' ? 'New incident' : '新建事件' }).click();
      await page.getByRole('button', { name: locale === 'en-US' ? 'Open incident' : '创建事件' }).click();
      const errors = page.getByTestId('field-errors');
      await expect(errors).toContainText(title);
      await expect(errors).toContainText(severity);
      await expect(errors).not.toContainText('title:');
    } finally {
      await ctx.close();
    }
  }
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `docs/${name}.png`, fullPage: false });
}

test('screenshots: the console in Chinese at phone width (docs/)', async ({ browser, server }) => {
  const ctx = await zhContext(browser, { width: 390, height: 844 });
  try {
    const lead = await signIn(ctx, server, 'admin', '李管理员');
    const inc = await openIncident(server, lead.token, '支付回调超时', 'SEV1');
    await openIncident(server, lead.token, '登录页加载缓慢', 'SEV3');
    const page = await ctx.newPage();
    await page.goto(`${server.url}/incidents`);
    await expect(page.getByTestId('incident-list')).toContainText('登录页加载缓慢');
    // At phone width the nav folds into a menu; its button is a 44 px target.
    await expect(page.getByTestId('nav-incidents')).toBeHidden();
    const menu = page.getByTestId('nav-menu');
    expect((await menu.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    await shot(page, 'console-zh-phone-incidents');
    await menu.click();
    await expect(page.getByTestId('nav-incidents')).toBeVisible();
    expect((await page.getByTestId('nav-incidents').boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    await shot(page, 'console-zh-phone-menu');
    await page.goto(`${server.url}/incidents/${inc.number}`);
    await expect(page.getByTestId('claim')).toHaveText('我来处理');
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await shot(page, 'console-zh-phone-incident');
    await page.goto(`${server.url}/admin`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('管理');
    await expect(page).toHaveTitle('管理 · Warroom');
    await expect(page.getByTestId(`user-${lead.email}`)).toBeVisible();
    await shot(page, 'console-zh-phone-admin');
    // The same console on a laptop: the nav in one row.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/incidents/${inc.number}`);
    await expect(page.getByTestId('nav-incidents')).toBeVisible();
    await expect(page.getByTestId('nav-menu')).toBeHidden();
    await expect(page.getByTestId('incident-heading')).toHaveText('支付回调超时');
    await shot(page, 'console-zh-desktop-incident');
  } finally {
    await ctx.close();
  }
});
