import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { expect, signIn, test } from './fixtures';
import { PHONE } from './phone-helpers';

const SHOTS = 'docs/status-page';

async function apiAs(url: string, token: string, method: string, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

test('a lead publishes from an incident; a signed-out page sees it live, in English and Chinese, on a phone and a laptop', async ({
  browser,
  page,
  server,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const room = `shop-${randomBytes(3).toString('hex')}`;
  await server.ctx.prisma.room.create({ data: { slug: room, name: 'Acme Shop', locale: 'en', timeZone: 'Asia/Shanghai' } });
  const lead = await signIn(page.context(), server, 'lead', 'Page Lead');
  await apiAs(`${server.url}/api/v1/rooms/${room}/settings`, lead.token, 'PATCH', { statusPage: { enabled: true } });
  for (const [name, group] of [
    ['Website', null],
    ['Orders', 'Shop'],
    ['Payments', 'Shop'],
  ] as const) {
    await apiAs(`${server.url}/api/v1/rooms/${room}/components`, lead.token, 'POST', { name, group });
  }
  const internal = await apiAs(`${server.url}/api/v1/incidents`, lead.token, 'POST', {
    title: 'orders 500 on api-7 (pool exhausted)',
    severity: 'SEV1',
    room,
  });

  // A customer's phone, signed out, with the page open.
  const phoneContext = await browser.newContext(PHONE);
  const phone = await phoneContext.newPage();
  await phone.goto(`${server.url}/status/${room}`);
  await expect(phone.getByTestId('status-overall')).toHaveText('All systems operational');
  await expect(phone.getByTestId('status-live')).toHaveAttribute('data-live', 'yes');
  await phone.screenshot({ path: `${SHOTS}/phone-en-operational.png`, fullPage: true });
  // Live means without a reload: this mark survives only if no new document is loaded.
  await phone.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });

  // The lead publishes from the incident's page: the form knows only which incident.
  await page.goto(`${server.url}/incidents/${internal.number}?room=${room}`);
  await page.getByTestId('publish-status').click();
  await expect(page).toHaveURL(new RegExp(`/rooms/${room}/status\\?publish=`));
  await expect(page.locator('#p-title')).toHaveValue('');
  await expect(page.locator('#p-message')).toHaveValue('');
  await page.locator('#p-title').fill('Some orders fail');
  await page.locator('#p-impact').selectOption('major');
  await page.getByLabel('Orders').check();
  await page.locator('#p-message').fill('Some customers cannot place orders. We are working on it.');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/lead-publish-form.png`, fullPage: true });
  const published = page.waitForResponse((r) => r.url().endsWith('/status-incidents') && r.request().method() === 'POST');
  await page.getByTestId('publish-submit').click();
  expect((await published).status()).toBe(201);
  const t0 = Date.now();

  await expect(phone.getByTestId('status-current')).toContainText('Some orders fail', { timeout: 2000 });
  const liveMs = Date.now() - t0;
  console.log(`status page: published → visible on the signed-out phone in ${liveMs} ms`);
  await expect(phone.getByTestId('status-overall')).toHaveText('Partial system outage');
  expect(await phone.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await phone.screenshot({ path: `${SHOTS}/phone-en-incident.png`, fullPage: true });

  // A public update from the lead's page.
  await expect(page.getByTestId('admin-incident')).toContainText('Some orders fail');
  await page.getByTestId('admin-incident').getByLabel('Public message').fill('The cause is found; a fix is rolling out.');
  const updated = page.waitForResponse((r) => r.url().endsWith('/updates') && r.request().method() === 'POST');
  await page.getByTestId('post-public-update').click();
  expect((await updated).status()).toBe(201);
  await expect(phone.getByTestId('status-current')).toContainText('a fix is rolling out', { timeout: 2000 });

  // The other language, by the page's own switch; still live.
  await phone.getByRole('link', { name: '中文' }).click();
  await expect(phone.getByTestId('status-overall')).toHaveText('部分系统中断');
  await expect(phone.getByTestId('status-current')).toContainText('已定位');
  await expect(phone.getByTestId('status-live')).toHaveAttribute('data-live', 'yes');
  await phone.screenshot({ path: `${SHOTS}/phone-zh-incident.png`, fullPage: true });

  // A laptop, signed out.
  const laptopContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const laptop = await laptopContext.newPage();
  await laptop.goto(`${server.url}/status/${room}`);
  await expect(laptop.getByTestId('status-component')).toHaveCount(3);
  await laptop.screenshot({ path: `${SHOTS}/laptop-en-incident.png`, fullPage: true });

  // Scripts off: the server-rendered page says the same.
  const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const plain = await noJs.newPage();
  await plain.goto(`${server.url}/status/${room}?lang=zh`);
  await expect(plain.getByTestId('status-current')).toContainText('Some orders fail');
  await expect(plain.getByTestId('status-overall')).toHaveText('部分系统中断');

  // Resolved: it moves to past incidents, live.
  const s = await apiAs(`${server.url}/api/v1/status/${room}/summary`, lead.token, 'GET');
  await apiAs(`${server.url}/api/v1/rooms/${room}/status-incidents/${s.incidents[0].id}/updates`, lead.token, 'POST', {
    status: 'resolved',
    message: 'Orders go through again.',
  });
  await expect(laptop.getByTestId('status-overall')).toHaveText('All systems operational', { timeout: 2000 });
  await laptop.screenshot({ path: `${SHOTS}/laptop-en-resolved.png`, fullPage: true });

  // The internal title never reached the public page.
  expect(await laptop.content()).not.toContain('api-7');
  await Promise.all([phoneContext.close(), laptopContext.close(), noJs.close()]);
});
