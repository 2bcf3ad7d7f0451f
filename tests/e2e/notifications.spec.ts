import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeChat, type TFakeChat } from '../helpers/fake-chat';
import { api } from '../helpers/server';
import { expect, signIn, test } from './fixtures';
import { horizontalOverflow, PHONE } from './phone-helpers';

// Several browser contexts and a retry the worker makes 5–10 s after the first failure: more than the default minute on a loaded machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

/**
 * The lead's notifications page against a local receiver that checks what a
 * real one checks (tests/helpers/fake-chat.ts: the webhook's
 * X-Warroom-Signature HMAC and X-Warroom-Delivery, DingTalk's sign), in rooms
 * of its own so no other spec's incidents reach these channels.
 */
let chat: TFakeChat;

/**
 * A receiver of the test's own that answers as told — 500 first, then 400
 * until it is "fixed" — and checks every request's X-Warroom-Signature
 * (t=<unix>,v1=<hex HMAC-SHA256 of "t.body">) and X-Warroom-Delivery itself.
 */
const BROKEN_SECRET = 'broken-hook-secret';
const broken = { fixed: false, requests: [] as { status: number; signed: boolean; delivery: string }[] };
let brokenServer: Server;
let brokenUrl = '';

test.beforeAll(async () => {
  chat = await startFakeChat({ webhook: 'hook-secret-e2e', dingtalk: 'SECding-e2e' });
  brokenServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(req.headers['x-warroom-signature'] ?? ''));
      const signed = Boolean(m && m[2] === createHmac('sha256', BROKEN_SECRET).update(`${m[1]}.${raw}`).digest('hex'));
      const status = broken.fixed ? 200 : broken.requests.length === 0 ? 500 : 400;
      broken.requests.push({ status, signed, delivery: String(req.headers['x-warroom-delivery'] ?? '') });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? { ok: true } : { error: 'not now' }));
    });
  });
  await new Promise<void>((r) => brokenServer.listen(0, '127.0.0.1', () => r()));
  brokenUrl = `http://127.0.0.1:${(brokenServer.address() as AddressInfo).port}/hook`;
});
test.afterAll(async () => {
  await chat?.close();
  brokenServer?.closeAllConnections();
  brokenServer?.close();
});

test('a lead adds a signed webhook channel, sends a test and sees it delivered; others are told the page is for leads', async ({
  browser,
  server,
}) => {
  await server.ctx.prisma.room.create({ data: { slug: 'notify', name: 'Notify night' } });
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await signIn(ctx, server, 'lead', 'Nora Lead');
  await page.goto(`${server.url}/rooms/notify/notifications`);
  await expect(page).toHaveTitle('Notifications · Warroom');
  await expect(page.getByTestId('nav-notifications')).toHaveAttribute('aria-current', 'page');
  // One current page: the room's page, not /rooms as well.
  await expect(page.locator('[data-testid="console-nav"] [aria-current="page"]')).toHaveCount(1);
  await expect(page.getByTestId('no-channels')).toHaveText('No channels yet — add one to reach people who are not looking.');
  await expect(page.getByTestId('deliveries')).toContainText('Nothing sent yet.');
  await expect(page.getByTestId('freshness').first()).toHaveText(/^Updated \d+ s ago$/);

  // A refused field is named in words, from the API's 400.
  const form = page.getByTestId('channel-form');
  await form.locator('input[name="name"]').fill('ops-hook');
  await form.locator('input[name="url"]').fill('ftp://example.com/hook');
  await form.getByTestId('channel-save').click();
  await expect(form.getByRole('alert')).toHaveText('URL must be an http(s) address');

  await form.locator('input[name="url"]').fill(`${chat.url}/webhook/ops`);
  await form.locator('input[name="secret"]').fill(chat.secrets.webhook);
  await form.getByTestId('channel-save').click();
  const row = page.getByTestId('channel-row').filter({ hasText: 'ops-hook' });
  await expect(row).toHaveAttribute('data-state', 'ok');
  await expect(row.getByTestId('channel-secret-state')).toHaveText('Secret set');
  await expect(row).toContainText('Incident opened · Unclaimed · Escalated · Resolved · Probe down · SEV2 or worse');
  // Write-only: the secret is nowhere on the page, nor in the form it was typed into.
  await expect(form.locator('input[name="secret"]')).toHaveValue('');
  expect(await page.content()).not.toContain(chat.secrets.webhook);

  await row.getByTestId('channel-test').click();
  await expect(row.getByTestId('test-outcome')).toHaveAttribute('data-state', 'delivered');
  await expect(row.getByTestId('test-outcome')).toHaveText(/^Test delivered in \d+ ms\.$/);
  // The receiver accepted it only with a valid signature and delivery id.
  expect(chat.refused).toEqual([]);
  const got = chat.messages.filter((m) => m.path === '/webhook/ops');
  expect(got).toHaveLength(1);
  expect(String(got[0]?.headers['x-warroom-signature'])).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  const delivery = page.getByTestId('delivery-row').first();
  await expect(delivery).toHaveAttribute('data-state', 'delivered');
  await expect(delivery).toContainText('ops-hook');
  // Filed as what it is: a test, not one of the events the channel hears.
  await expect(delivery).toContainText('Test message');
  await expect(delivery).toContainText('1 attempt');
  await expect(row.getByTestId('channel-health')).toContainText('1 delivered, 0 dead in 24 h');
  await page.screenshot({ path: 'docs/notifications.png', fullPage: true });
  await ctx.close();

  // An engineer is told whom the page is for, and has no link to it.
  const eng = await browser.newContext();
  const engPage = await eng.newPage();
  await signIn(eng, server, 'engineer');
  await engPage.goto(`${server.url}/rooms/notify/notifications`);
  await expect(engPage.getByTestId('leads-only')).toContainText("managed by the room's leads");
  await expect(engPage.getByTestId('nav-notifications')).toHaveCount(0);
  await eng.close();
});

test('a receiver answering 500 then 400 leaves a dead delivery with its reason; Retry sends it once the receiver is fixed', async ({
  browser,
  server,
}) => {
  const lead = await server.createUser('lead');
  const made = await api(server, 'POST', '/api/v1/rooms/notify/channels', {
    token: lead.token,
    body: {
      name: 'broken-hook',
      kind: 'webhook',
      url: brokenUrl,
      secret: BROKEN_SECRET,
      events: ['incident.opened'],
    },
  });
  expect(made.status).toBe(201);
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await signIn(ctx, server, 'lead');
  await page.goto(`${server.url}/rooms/notify/notifications`);
  const row = page.getByTestId('channel-row').filter({ hasText: 'broken-hook' });

  // 500: may pass later, so it is retried.
  await row.getByTestId('channel-test').click();
  await expect(row.getByTestId('test-outcome')).toHaveAttribute('data-state', 'retrying');
  await expect(row.getByTestId('test-outcome')).toContainText('HTTP 500');
  // Then 400: sending again will not help, so the worker's retry ends it dead with the reason.
  const dead = page.getByTestId('delivery-row').filter({ hasText: 'broken-hook' }).first();
  await expect(dead).toHaveAttribute('data-state', 'dead', { timeout: 30_000 });
  await expect(dead.getByTestId('delivery-error')).toHaveText('HTTP 400');
  await expect(dead).toContainText('2 attempts');
  await expect(row).toHaveAttribute('data-state', 'failing');
  await expect(row.getByTestId('channel-health')).toContainText(/failing for \d+ (s|min)/);
  await expect(row.getByTestId('channel-health')).toContainText('last error: HTTP 400');

  // Only the dead ones, when asked.
  await page.getByTestId('delivery-filter').selectOption('dead');
  await expect(page.getByTestId('delivery-row')).toHaveCount(1);

  // Fixed: Retry puts it back and the worker delivers it.
  broken.fixed = true;
  await page.getByTestId('delivery-retry').click();
  await expect(page.getByTestId('deliveries')).toContainText('No deliveries in this state.', { timeout: 20_000 });
  await page.getByTestId('delivery-filter').selectOption('');
  await expect(page.getByTestId('delivery-row').filter({ hasText: 'broken-hook' }).first()).toHaveAttribute('data-state', 'delivered');
  await expect(row).toHaveAttribute('data-state', 'ok');
  // Three attempts of one delivery, each signed and carrying the same delivery id.
  expect(broken.requests.map((r) => r.status)).toEqual([500, 400, 200]);
  expect(broken.requests.every((r) => r.signed)).toBe(true);
  expect(new Set(broken.requests.map((r) => r.delivery)).size).toBe(1);

  // Pause and resume; an edit shows the secret as set, never its value, and keeps it.
  await row.getByTestId('channel-pause').click();
  await expect(row).toHaveAttribute('data-state', 'paused');
  await row.getByTestId('channel-pause').click();
  await expect(row).toHaveAttribute('data-state', 'ok');
  await row.getByTestId('channel-edit').click();
  const edit = page.getByTestId('channel-row').filter({ has: page.getByTestId('channel-form') });
  await expect(edit.getByTestId('secret-state')).toHaveText('Secret set');
  await expect(edit.locator('input[name="secret"]')).toHaveCount(0);
  await edit.locator('input[name="name"]').fill('fixed-hook');
  await edit.getByTestId('channel-save').click();
  const renamed = page.getByTestId('channel-row').filter({ hasText: 'fixed-hook' });
  await expect(renamed.getByTestId('channel-secret-state')).toHaveText('Secret set');
  await renamed.getByTestId('channel-delete').click();
  await renamed.getByTestId('channel-delete-confirm').click();
  await expect(page.getByTestId('channel-row').filter({ hasText: 'fixed-hook' })).toHaveCount(0);
  await ctx.close();
});

test('the page in Chinese, and at phone width nothing overflows', async ({ browser, server }) => {
  await server.ctx.prisma.room.create({ data: { slug: 'notify-zh', name: '通知之夜', locale: 'zh' } });
  const lead = await server.createUser('lead');
  for (const body of [
    {
      name: '值班群',
      kind: 'dingtalk',
      url: `${chat.url}/dingtalk/robot/send?access_token=t0ken`,
      secret: chat.secrets.dingtalk,
      events: ['incident.opened', 'probe.down'],
    },
    {
      name: '坏掉的钩子',
      kind: 'webhook',
      url: `${chat.url}/webhook/zh`,
      secret: 'wrong-secret',
      events: ['incident.resolved'],
      minSeverity: 'SEV1',
    },
  ]) {
    const r = await api(server, 'POST', '/api/v1/rooms/notify-zh/channels', { token: lead.token, body });
    expect(r.status).toBe(201);
  }
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await signIn(ctx, server, 'lead');
  await page.goto(`${server.url}/rooms/notify-zh/notifications`);
  await expect(page).toHaveTitle('通知 · Warroom');
  await expect(page.getByTestId('nav-notifications')).toHaveText('通知');
  const ding = page.getByTestId('channel-row').filter({ hasText: '值班群' });
  await ding.getByTestId('channel-test').click();
  await expect(ding.getByTestId('test-outcome')).toHaveText(/^测试已送达，用时 \d+ 毫秒。$/);
  expect(chat.messages.some((m) => m.vendor === 'dingtalk')).toBe(true);
  // A wrong signature is refused by the receiver (401): dead at once, the reason in Chinese.
  const bad = page.getByTestId('channel-row').filter({ hasText: '坏掉的钩子' });
  await bad.getByTestId('channel-test').click();
  await expect(bad.getByTestId('test-outcome')).toHaveText('测试被拒绝。 · HTTP 状态码 401');
  await expect(bad).toHaveAttribute('data-state', 'failing');
  await expect(bad).toContainText('已解决 · SEV1 及以上 · 房间的语言（中文）');
  await expect(page.getByTestId('delivery-row').filter({ hasText: '坏掉的钩子' }).getByTestId('delivery-state')).toHaveText('失败');
  await expect(page.getByTestId('delivery-retry')).toHaveText('重试');
  await expect(page.getByTestId('channel-form').getByTestId('channel-save')).toHaveText('添加渠道');
  // No English words of the page's own left (vendor names, SEV, HTTP and URLs are the same in both).
  const text = await page.getByTestId('notifications').textContent();
  expect(text).not.toMatch(
    /\b(Channels|Deliveries|Send test|Edit|Pause|Delete|Retry|delivered|dead|attempts?|Updated|Secret|Incident|failing|Name|Events)\b/,
  );
  await page.screenshot({ path: 'docs/notifications-zh.png', fullPage: true });
  await ctx.close();

  for (const locale of ['zh-CN', 'en-GB']) {
    const phoneCtx = await browser.newContext({ ...PHONE, locale });
    const phone = await phoneCtx.newPage();
    await signIn(phoneCtx, server, 'lead');
    await phone.goto(`${server.url}/rooms/notify-zh/notifications`);
    await expect(phone.getByTestId('channel-row')).toHaveCount(2);
    await expect(phone.getByTestId('delivery-row').first()).toBeVisible();
    expect(await horizontalOverflow(phone)).toEqual({ px: 0, culprits: [] });
    if (locale === 'zh-CN') await phone.screenshot({ path: 'docs/notifications-zh-phone.png' });
    await phoneCtx.close();
  }
});
