import { expect, openIncident, signIn, test } from './fixtures';

test('one engineer claims and posts; the other screen sees both live, without a reload', async ({ browser, server }) => {
  const ctxA = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const ctxB = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const ana = await signIn(ctxA, server, 'engineer', 'Ana Engineer');
    await signIn(ctxB, server, 'engineer', 'Ben Engineer');
    const inc = await openIncident(server, ana.token, 'Partner feed sends dirty records');

    const a = await ctxA.newPage();
    const list = await ctxB.newPage();
    await a.goto(`${server.url}/incidents/${inc.number}`);
    await list.goto(`${server.url}/incidents`);
    await expect(list.getByTestId('connection')).toHaveAttribute('data-state', 'live');
    const row = list.locator(`[data-testid="incident-row"][data-number="${inc.number}"]`);
    await expect(row.getByTestId('incident-owner')).toHaveText('Unowned');
    let navigations = 0;
    list.on('framenavigated', () => navigations++);

    // "I'm on it" is one click.
    await a.getByTestId('claim').click();
    await expect(a.getByTestId('owner-name')).toHaveText('Ana Engineer');
    await expect(row.getByTestId('incident-owner')).toContainText('Ana Engineer', { timeout: 2000 });

    // The detail screen of the other engineer follows the timeline live.
    const b = await ctxB.newPage();
    await b.goto(`${server.url}/incidents/${inc.number}`);
    await expect(b.getByTestId('connection')).toHaveAttribute('data-state', 'live');
    await a.getByTestId('composer').fill('web-3 node 4 fails the memory scan');
    await a.getByTestId('composer').press('Control+Enter');
    await expect(a.getByTestId('composer')).toHaveValue('');
    await expect(b.getByTestId('timeline')).toContainText('web-3 node 4 fails the memory scan', { timeout: 2000 });
    await expect(b.getByTestId('owner-name')).toHaveText('Ana Engineer');

    // A finding ruled out shows on the other screen's elimination log.
    await a.getByLabel('New hypothesis').fill('middleware');
    await a.getByLabel('New hypothesis').press('Enter');
    await expect(b.getByTestId('finding')).toHaveText(/middleware\?/);
    await a.getByRole('button', { name: 'rule out' }).click();
    await expect(b.getByTestId('finding')).toHaveAttribute('data-state', 'ruled_out');
    await expect(b.getByTestId('finding')).toContainText(/middleware ruled out after \d+ min/);
    expect(navigations).toBe(0);
  } finally {
    await ctxA.close();
    await ctxB.close();
  }
});

test('a screen that was offline catches up on reconnect without duplicates', async ({ browser, server }) => {
  const ctx = await browser.newContext();
  try {
    const me = await signIn(ctx, server, 'engineer', 'Cy Engineer');
    const inc = await openIncident(server, me.token, 'Catch-up check', 'SEV3');
    const page = await ctx.newPage();
    await page.goto(`${server.url}/incidents/${inc.number}`);
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
    await server.restart();
    for (const body of ['missed one', 'missed two']) {
      const res = await fetch(`${server.url}/api/v1/incidents/${inc.id}/updates`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${me.token}` },
        body: JSON.stringify({ body }),
      });
      expect(res.status).toBe(201);
    }
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
    await expect(page.getByTestId('timeline')).toContainText('missed two', { timeout: 10_000 });
    await expect(page.getByTestId('timeline-entry').filter({ hasText: 'missed one' })).toHaveCount(1);
    await expect(page.getByTestId('timeline-entry').filter({ hasText: 'missed two' })).toHaveCount(1);
  } finally {
    await ctx.close();
  }
});

test('after a drop the incident screen says live only once it has caught up on the new connection, not when the socket is back', async ({
  browser,
  server,
}) => {
  const ctx = await browser.newContext();
  try {
    const me = await signIn(ctx, server, 'engineer', 'Di Engineer');
    const inc = await openIncident(server, me.token, 'Live-word check', 'SEV3');
    const page = await ctx.newPage();
    // The page's WebSockets pass through here; what joins the room's channel (`incidents:subscribe` with its
    // catch-up, `room:join`) can be held back on its way to the server, so no push reaches the new connection.
    let hold = false;
    const held: (() => void)[] = [];
    const sockets: { close(): Promise<void> }[] = [];
    let subscribes = 0;
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const upstream = ws.connectToServer();
      sockets.push(ws);
      ws.onMessage((m) => {
        const joins = typeof m === 'string' && /^42\d*\["(incidents:subscribe|room:join)"/.test(m);
        if (typeof m === 'string' && m.includes('"incidents:subscribe"')) subscribes++;
        if (hold && joins) held.push(() => upstream.send(m));
        else upstream.send(m);
      });
      upstream.onMessage((m) => ws.send(m));
    });
    await page.goto(`${server.url}/incidents/${inc.number}`);
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');

    // The connection drops; an update is posted meanwhile; the new connection's subscription is held back.
    hold = true;
    const before = subscribes;
    await sockets.at(-1)!.close();
    const res = await fetch(`${server.url}/api/v1/incidents/${inc.id}/updates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${me.token}` },
      body: JSON.stringify({ body: 'posted while away' }),
    });
    expect(res.status).toBe(201);
    await expect.poll(() => subscribes, { timeout: 20_000 }).toBeGreaterThan(before);
    // The socket is back, but the timeline on screen was read before the drop: not live.
    await page.waitForTimeout(1000);
    await expect(page.getByTestId('timeline')).not.toContainText('posted while away');
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'reconnecting');

    hold = false;
    for (const send of held.splice(0)) send();
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
    await expect(page.getByTestId('timeline-entry').filter({ hasText: 'posted while away' })).toHaveCount(1);
  } finally {
    await ctx.close();
  }
});

test("the new-incident form shows the API schema's messages, then opens the incident", async ({ browser, server }) => {
  const ctx = await browser.newContext();
  try {
    await signIn(ctx, server, 'engineer', 'Dee Engineer');
    const page = await ctx.newPage();
    await page.goto(`${server.url}/incidents`);
    await page.getByRole('button', { name: 'New incident' }).click();
    await page.getByRole('button', { name: 'Open incident' }).click();
    const form = page.getByRole('form', { name: 'New incident' });
    await expect(form.getByRole('alert')).toContainText('Title is required');
    await expect(form.getByRole('alert')).toContainText('Severity needs a valid choice');
    // Stored text is shown as text: markup in a title stays visible characters.
    await form.getByLabel('Title').fill('API 500s on /orders <b>now</b>');
    await form.getByLabel('Severity').selectOption('SEV1');
    await form.getByRole('button', { name: 'Open incident' }).click();
    await expect(page).toHaveURL(/\/incidents\/\d+$/);
    await expect(page.getByTestId('incident-heading')).toHaveText('API 500s on /orders <b>now</b>');
    await expect(page.getByTestId('incident-heading').locator('b')).toHaveCount(0);
    await expect(page.getByTestId('unowned-flag')).toHaveText('Unowned');
  } finally {
    await ctx.close();
  }
});

test('a lead sees an escalation at once, and an idle claim is flagged on the list', async ({ browser, server }) => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const lead = await signIn(ctx, server, 'lead', 'Lena Lead');
    const eng = await server.createUser('engineer', 'Eve Engineer');
    const inc = await openIncident(server, eng.token, 'Probe: /orders answers 503', 'SEV2');
    const call = (path: string, body: unknown) =>
      fetch(`${server.url}/api/v1/incidents/${inc.id}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${eng.token}` },
        body: JSON.stringify(body),
      });
    expect((await call('claim', {})).status).toBe(200);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/incidents`);
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
    const row = page.locator(`[data-testid="incident-row"][data-number="${inc.number}"]`);
    await expect(row.getByTestId('incident-owner')).toHaveText('Eve Engineer');
    await expect(row.getByTestId('idle-flag')).toHaveCount(0);

    expect((await call('escalate', { leadId: lead.id, note: 'need a decision' })).status).toBe(200);
    await expect(page.getByTestId('escalation-banner')).toContainText('Eve Engineer escalated', { timeout: 2000 });
    await expect(page.getByTestId('escalation-banner')).toContainText('need a decision');

    // The owner went quiet 16 minutes ago (room default: 15): the next push carries that, every screen flags it.
    await server.ctx.prisma.incident.update({ where: { id: inc.id }, data: { ownerActiveAt: new Date(Date.now() - 16 * 60_000) } });
    // Someone else's change (not the owner's: that would count as activity) brings the push.
    const other = await server.createUser('engineer', 'Fay Engineer');
    const helped = await fetch(`${server.url}/api/v1/incidents/${inc.id}/helpers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${other.token}` },
      body: JSON.stringify({ userId: other.id }),
    });
    expect(helped.status).toBe(200);
    await expect(row.getByTestId('idle-flag')).toBeVisible();
  } finally {
    await ctx.close();
  }
});
