import { api } from '../helpers/server';
import { expect, pushPoints, test } from './fixtures';
import { signIn } from './fixtures';

test('one lead hands over, the other accepts in a second browser, and the wall shows the new lead live', async ({
  browser,
  page,
  server,
}) => {
  await server.ctx.prisma.room.create({ data: { slug: 'handover-e2e', name: 'Handover night', timeZone: 'Asia/Shanghai' } });
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const anna = await signIn(ctxA, server, 'lead', 'Lead Anna');
  const qian = await signIn(ctxB, server, 'lead', 'Qian Lan');
  const eng = await server.createUser('engineer', 'Eng Night');
  const opened = await api(server, 'POST', '/api/v1/incidents', {
    token: eng.token,
    body: { title: 'Partner feed sends dirty records', severity: 'SEV1', room: 'handover-e2e' },
  });
  await api(server, 'POST', `/api/v1/incidents/${opened.body.id}/claim`, { token: eng.token });

  // The wall, as a kiosk opens it.
  const display = await server.createDisplayLink('handover-e2e');
  await page.goto(`${server.url}/wall/handover-e2e?key=${encodeURIComponent(display)}`);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('on-duty')).toHaveCount(0);

  // The incoming lead's page is open before anything is sent: the handover arrives by push.
  const b = await ctxB.newPage();
  await b.goto(`${server.url}/rooms/handover-e2e/handover`);
  await expect(b.getByTestId('handover-history')).toBeVisible();

  const a = await ctxA.newPage();
  await a.goto(`${server.url}/rooms/handover-e2e/handover`);
  await a.getByTestId('start-handover').click();
  await expect(a.getByTestId('brief-open')).toContainText('Partner feed sends dirty records');
  await expect(a.getByTestId('brief-open')).toContainText('Eng Night');
  await a.getByTestId('handover-to').selectOption({ label: 'Qian Lan' });
  await a.getByTestId('handover-note').fill('Risk: the partner feed. Next checkpoint 08:30.');
  await a.getByTestId('send-handover').click();

  await expect(b.getByTestId('handover-pending-note')).toHaveText('Risk: the partner feed. Next checkpoint 08:30.');
  await expect(a.getByTestId('accept-handover')).toHaveCount(0);
  await b.getByTestId('accept-handover').click();

  await expect(page.getByTestId('on-duty')).toContainText(/On duty: Qian Lan since \d\d:\d\d/);
  await expect(a.getByTestId('on-duty-console')).toContainText('Qian Lan');
  // Taking over went through the incident's own handover: its owner is the new lead.
  const after = await api(server, 'GET', `/api/v1/incidents/${opened.body.id}`, { token: eng.token });
  expect(after.body.owner.name).toBe('Qian Lan');
  expect(anna.id).not.toBe(qian.id);
  await ctxA.close();
  await ctxB.close();
});

test('the report page renders the incidents table and replays the night without a reload', async ({ browser, server }) => {
  await server.ctx.prisma.room.create({ data: { slug: 'report-e2e', name: 'Report night' } });
  const ctx = await browser.newContext();
  await signIn(ctx, server, 'viewer', 'Manager Mo');
  const eng = await server.createUser('engineer', 'Eng Report');
  const key = await server.createIngestKey();
  const t0 = Math.floor(Date.now() / 60_000) * 60_000 - 30 * 60_000;
  await pushPoints(
    server,
    key,
    Array.from({ length: 30 }, (_, i) => ({ name: 'users_total', value: 1_000_000 + i * 1000, time: t0 + i * 60_000 })),
    'report-e2e',
  );
  const inc = await api(server, 'POST', '/api/v1/incidents', {
    token: eng.token,
    body: { title: 'Login latency on web-3', severity: 'SEV2', room: 'report-e2e' },
  });
  await api(server, 'POST', `/api/v1/incidents/${inc.body.id}/claim`, { token: eng.token });

  const page = await ctx.newPage();
  await page.goto(`${server.url}/rooms/report-e2e/report`);
  await expect(page.getByTestId('incidents-table')).toContainText('Login latency on web-3');
  await expect(page.getByTestId('incidents-table')).toContainText('Eng Report');
  await expect(page.getByTestId('report')).toHaveAttribute('data-report-ready', 'yes');
  // The same window as CSV, from the page's links (with the viewer's own cookie).
  for (const [what, expected] of [
    ['incidents', 'Login latency on web-3'],
    ['series', `users_total,,${new Date(t0).toISOString()},1000000`],
  ] as const) {
    const csv = await ctx.request.get(server.url + (await page.getByTestId(`export-${what}`).getAttribute('href')));
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect(await csv.text()).toContain(expected);
  }

  // A mark on the document: a reload would drop it (the URL's ?at= changes in place, which is not a reload).
  await page.evaluate(() => ((window as unknown as { replayMark: number }).replayMark = 1));
  const slider = page.getByTestId('replay-slider');
  const max = Number(await slider.getAttribute('max'));
  // 20 minutes before the end of the window (its last minute is now): the series read 1,010,000 or so, nothing was open.
  await slider.fill(String(max - 20));
  await expect(page.getByTestId('replay-users')).toHaveText(/^1,0\d\d,000$/);
  await expect(page.getByTestId('replay-incidents')).toBeEmpty();
  const then = (await page.getByTestId('replay-users').textContent()) ?? '';
  const at = new URL(page.url()).searchParams.get('at');
  expect(at).not.toBeNull();
  await slider.fill(String(max));
  await expect(page.getByTestId('replay-incidents')).toContainText('Login latency on web-3');
  expect(await page.evaluate(() => (window as unknown as { replayMark?: number }).replayMark)).toBe(1);
  // The replay's moment is in the URL (?at=): opening it again lands on the same minute.
  await page.goto(`${server.url}/rooms/report-e2e/report?at=${encodeURIComponent(at!)}`);
  await expect(page.getByTestId('replay-users')).toHaveText(then);
  await expect(page.getByTestId('replay-incidents')).toBeEmpty();
  await ctx.close();
});
