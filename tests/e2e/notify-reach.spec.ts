import { io } from 'socket.io-client';
import type { TTestServer } from '../helpers/server';
import { api } from '../helpers/server';
import { formatTimeOfDay } from '../../lib/format/time';
import { expect, signIn, test } from './fixtures';
import { PHONE } from './phone-helpers';

const MIN = 60_000;

/** A channel of the room, and a delivery to it that died `ago` ms ago: the room cannot reach people through it. */
async function failingChannel(server: TTestServer, roomSlug: string, name: string, kind: string, ago: number) {
  const room = await server.ctx.prisma.room.findUniqueOrThrow({ where: { slug: roomSlug } });
  const channel = await server.ctx.prisma.notifyChannel.create({
    data: { roomId: room.id, name, kind, url: 'http://127.0.0.1:9/bot', events: '["incident.opened"]' },
  });
  const since = new Date(Date.now() - ago);
  await server.ctx.prisma.delivery.create({
    data: {
      roomId: room.id,
      channelId: channel.id,
      event: 'incident.opened',
      dedupKey: `dead:${name}`,
      payload: '{}',
      state: 'dead',
      attempts: 1,
      lastError: `${kind} 310000: sign not match`,
      createdAt: since,
      nextAttemptAt: since,
      deadline: new Date(since.getTime() + 24 * 60 * MIN),
    },
  });
  return { channelId: channel.id, roomId: room.id, since: since.getTime() };
}

/**
 * `told` resolves once the room's screens are told (a `channels:health` push on the room's channel) a list that `seen`
 * accepts: a socket of the room's own display link, joined before anything changes. The server's watch pushes
 * only what changed since its last look, once a second; a channel removed before it looked is never told.
 */
async function roomTold(server: TTestServer, slug: string, seen: (failing: { name: string }[]) => boolean) {
  const socket = io(server.url, { path: '/socket.io', transports: ['websocket'], auth: { token: await server.createDisplayLink(slug) } });
  const told = new Promise<void>((resolve) => {
    socket.on('channels:health', (p: { room: string; failing: { name: string }[] }) => {
      if (p.room !== slug || !seen(p.failing)) return;
      socket.close();
      resolve();
    });
  });
  await socket.emitWithAck('room:join', { room: slug });
  return { told };
}

test.describe('the wall, in Chinese', () => {
  test('unclaimed incidents say for how long, ticking; a failing channel shows in the warning look and clears by itself', async ({
    page,
    server,
  }) => {
    const slug = 'reach-zh';
    await server.ctx.prisma.room.create({ data: { slug, name: '上线之夜', locale: 'zh', timeZone: 'Asia/Shanghai' } });
    const display = await server.createDisplayLink(slug);
    const eng = await server.createUser('engineer', 'Wang Fang');
    const created = await api(server, 'POST', '/api/v1/incidents', {
      token: eng.token,
      body: { title: '支付超时', severity: 'SEV1', room: slug },
    });
    expect(created.status).toBe(201);
    const incident = created.body as { id: string; number: number };

    await page.goto(`${server.url}/wall/${slug}?key=${encodeURIComponent(display)}`);
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', /live|stale/);
    const unclaimed = page.getByTestId('incident').filter({ hasText: '支付超时' }).getByTestId('unclaimed');
    await expect(unclaimed).toHaveText(/^无人认领 \d+秒$/);
    // It ticks with the wall's clock, without any push.
    const first = await unclaimed.textContent();
    await expect(unclaimed).not.toHaveText(first ?? '');

    // Counted from when the incident opened (the incident's own time): opened 6 minutes ago reads 6 minutes at once.
    await server.ctx.prisma.incident.update({ where: { id: incident.id }, data: { createdAt: new Date(Date.now() - 6 * MIN - 5000) } });
    const note = await api(server, 'POST', `/api/v1/incidents/${incident.id}/updates`, { token: eng.token, body: { body: '查看中' } });
    expect(note.status).toBe(201);
    await expect(unclaimed).toHaveText('无人认领 6分钟');

    // A DingTalk channel whose delivery died 14 minutes ago: the wall says so, live, in the room's language and clock.
    await expect(page.getByTestId('reach-warning')).toHaveCount(0);
    const ding = await failingChannel(server, slug, '值班群', 'dingtalk', 14 * MIN);
    const line = page.getByTestId('channel-failing');
    await expect(line).toHaveText(`⚠ 钉钉「值班群」自 ${formatTimeOfDay(ding.since, 'Asia/Shanghai')} 起发送失败 · 14分钟`);
    await expect(page.getByTestId('reach-warning')).toHaveAttribute('data-stale', 'no');
    await expect(line).toHaveClass(/border-warn/);
    await page.screenshot({ path: 'test-results/wall-channel-failing-zh.png' });

    // A later message goes through: the channel works again, and the warning leaves by itself.
    await server.ctx.prisma.delivery.create({
      data: {
        roomId: ding.roomId,
        channelId: ding.channelId,
        event: 'incident.opened',
        dedupKey: 'ok:later',
        payload: '{}',
        state: 'delivered',
        attempts: 1,
        deliveredAt: new Date(),
        deadline: new Date(Date.now() + 60 * MIN),
      },
    });
    await expect(page.getByTestId('reach-warning')).toHaveCount(0);
  });
});

test.describe('the phone and the console, in English', () => {
  test.use(PHONE);

  test('the manager sees a failing channel on the phone, the lead above the incident log; both clear when it is removed', async ({
    page,
    context,
    server,
  }) => {
    await signIn(context, server, 'lead');
    await page.goto(`${server.url}/`);
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', /live|stale|connecting/);
    const room = await server.ctx.prisma.room.findFirstOrThrow({ where: { slug: 'launch' } });
    // 3 min 20 s: the phone's clock moves in 15 s steps, so its age reads 3 min either way.
    const { told } = await roomTold(server, 'launch', (failing) => failing.some((c) => c.name === 'ops'));
    const hook = await failingChannel(server, 'launch', 'ops', 'dingtalk', 3 * MIN + 20_000);
    const text = `⚠ DingTalk “ops” failing since ${formatTimeOfDay(hook.since, room.timeZone)} · 3 min`;
    await expect(page.getByTestId('channel-failing')).toHaveText(text);

    // The lead's incident log says it in the console's words, live too.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/incidents`);
    const consoleLine = page.getByTestId('channel-failing');
    await expect(consoleLine).toContainText('DingTalk “ops” failing since');
    await expect(consoleLine).toContainText('· 3 min');

    // Removed (once the room was told it fails: a channel gone before the watch looked is never told gone): the
    // room no longer calls it failing, and the console line goes without a reload.
    await told;
    await server.ctx.prisma.notifyChannel.delete({ where: { id: hook.channelId } });
    await expect(page.getByTestId('reach-warning')).toHaveCount(0);
  });
});

test.describe('the phone, while it joins its room', () => {
  test.use(PHONE);

  test('a channel that starts failing between the first read and the join still shows: the read after a connect waits for the join', async ({
    page,
    context,
    server,
  }) => {
    await signIn(context, server, 'lead');
    // Every command that joins the room's channel (`room:join`, `incidents:subscribe`) is held on its way to the
    // server until released.
    let hold = true;
    const held: (() => void)[] = [];
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const upstream = ws.connectToServer();
      ws.onMessage((m) => {
        if (hold && typeof m === 'string' && /"(room:join|incidents:subscribe)"/.test(m)) held.push(() => upstream.send(m));
        else upstream.send(m);
      });
      upstream.onMessage((m) => ws.send(m));
    });
    let reads = 0;
    page.on('response', (r) => {
      if (r.url().includes('/channel-health')) reads++;
    });
    await page.goto(`${server.url}/`);
    // Connected, the join on its way. The first read was the server's, in the HTML; the page reads again only
    // after the join, so nothing is read while the join is held.
    await expect.poll(() => held.length, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1000);
    expect(reads).toBe(0);
    await expect(page.getByTestId('channel-failing')).toHaveCount(0);

    // The channel fails now; the room is told within a second, but this socket is not in it yet.
    const hook = await failingChannel(server, 'launch', 'night ops', 'dingtalk', 30_000);
    await page.waitForTimeout(2500);
    hold = false;
    for (const send of held.splice(0)) send();
    // Without a read after the join, the phone would show nothing until its next minute's read.
    await expect(page.getByTestId('channel-failing')).toContainText('DingTalk “night ops” failing since', { timeout: 10_000 });
    await server.ctx.prisma.notifyChannel.delete({ where: { id: hook.channelId } });
    await expect(page.getByTestId('channel-failing')).toHaveCount(0);
  });
});
