import { expect, pushPoints, test } from './fixtures';

test('the wall says when its numbers are stale, goes offline when the server dies, and catches up after a restart without a reload', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await server.ctx.prisma.room.create({ data: { slug: 'outage-night', name: 'Night', staleAfterSeconds: 5 } });
  const key = await server.createIngestKey('outage-night');
  const display = await server.createDisplayLink('outage-night');
  await pushPoints(server, key, [{ name: 'users_total', value: 1_250_000 }], 'outage-night');
  await page.goto(`${server.url}/wall/outage-night?key=${encodeURIComponent(display)}`);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('headline-users')).toHaveText('1,250,000');
  let navigations = 0;
  page.on('framenavigated', () => navigations++);

  // No data for longer than the room's threshold: marked stale, with for how long.
  await expect(page.getByTestId('stale')).toHaveText(/^data stopped \d+ s ago$/, { timeout: 10_000 });
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'stale');
  await expect(page.getByTestId('wall')).toHaveAttribute('data-stale', 'yes');
  await pushPoints(server, key, [{ name: 'users_total', value: 1_260_000 }], 'outage-night');
  await expect(page.getByTestId('stale')).toHaveCount(0);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('headline-users')).toHaveText('1,260,000');

  // The server dies: reconnecting at once, offline after a while, numbers stale.
  await server.kill();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'reconnecting');
  await expect(page.getByTestId('stale')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'offline', { timeout: 20_000 });

  // Back on the same port: data written before the wall reconnects still reaches it.
  await server.restart();
  await pushPoints(server, key, [{ name: 'users_total', value: 1_400_000 }], 'outage-night');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  await expect(page.getByTestId('headline-users')).toHaveText('1,400,000');
  // And live pushes flow again; fresh data clears the stale mark (the reconnect itself may take longer than 5 s).
  await pushPoints(server, key, [{ name: 'users_total', value: 1_410_000 }], 'outage-night');
  await expect(page.getByTestId('headline-users')).toHaveText('1,410,000');
  await expect(page.getByTestId('stale')).toHaveCount(0);
  expect(navigations).toBe(0);
});

test('after a reconnect the wall says live only once the room has been read again, not when the socket is back', async ({
  page,
  server,
}) => {
  await server.ctx.prisma.room.create({ data: { slug: 'rejoin-night', name: 'Rejoin' } });
  const key = await server.createIngestKey('rejoin-night');
  const display = await server.createDisplayLink('rejoin-night');
  await pushPoints(server, key, [{ name: 'users_total', value: 2_000_000 }], 'rejoin-night');
  // Between the page and the server: the socket's frames pass through, except that while `hold` is set the
  // server's answers to commands (socket.io ACK packets, "43<id>[…]": the room:join snapshot among them) wait.
  let hold = false;
  const held: (() => void)[] = [];
  const pages: { close(): Promise<void> }[] = [];
  let joinsSent = 0;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const upstream = ws.connectToServer();
    pages.push(ws);
    ws.onMessage((m) => {
      if (typeof m === 'string' && m.includes('"room:join"')) joinsSent++;
      upstream.send(m);
    });
    upstream.onMessage((m) => {
      if (hold && typeof m === 'string' && /^43\d/.test(m)) held.push(() => ws.send(m));
      else ws.send(m);
    });
  });
  await page.goto(`${server.url}/wall/rejoin-night?key=${encodeURIComponent(display)}`);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('headline-users')).toHaveText('2,000,000');

  // The connection drops and comes back; the room's snapshot is held back on the way.
  hold = true;
  const joinsBefore = joinsSent;
  await pages.at(-1)!.close();
  await expect.poll(() => joinsSent, { timeout: 20_000 }).toBeGreaterThan(joinsBefore);
  // The socket is connected again, but what is on screen was read before the drop: not live.
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'reconnecting');
  await expect(page.getByTestId('connection')).toContainText(/reconnecting/i);

  hold = false;
  for (const send of held.splice(0)) send();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await pushPoints(server, key, [{ name: 'users_total', value: 2_100_000 }], 'rejoin-night');
  await expect(page.getByTestId('headline-users')).toHaveText('2,100,000');
});
