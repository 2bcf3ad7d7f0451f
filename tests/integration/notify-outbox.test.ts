import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, type TTestServer } from '../helpers/server';
import { startFakeChat, type TFakeChat } from '../helpers/fake-chat';
import { DB_KINDS as KINDS } from '../helpers/server';
import { notificationsApi } from '../../lib/api/notifications';
import { waitFor } from './signals-helpers';

describe.each(KINDS)('notification outbox on %s', (kind) => {
  let server: TTestServer;
  let chat: TFakeChat;
  let engineer: string;
  let lead: string;
  let roomId: string;
  const channels: Record<string, string> = {};

  const open = async (title: string, severity = 'SEV1') => {
    const r = await api(server, 'POST', '/api/v1/incidents', { token: engineer, body: { title, severity, room: 'launch' } });
    expect(r.status).toBe(201);
    return r.body as { id: string; number: number };
  };
  const rows = (channelId: string) => server.ctx.prisma.delivery.findMany({ where: { channelId }, orderBy: { createdAt: 'asc' } });
  const addChannel = async (
    name: string,
    data: { kind: string; url: string; secret?: string; events?: string[]; minSeverity?: string },
  ) => {
    const c = await server.ctx.prisma.notifyChannel.create({
      data: {
        roomId,
        name,
        kind: data.kind,
        url: data.url,
        secret: data.secret ?? null,
        events: JSON.stringify(data.events ?? ['incident.opened', 'incident.resolved', 'incident.status']),
        minSeverity: data.minSeverity ?? 'SEV2',
      },
    });
    channels[name] = c.id;
    return c.id;
  };

  beforeAll(async () => {
    chat = await startFakeChat();
    server = await startServer({
      db: kind,
      env: { WARROOM_OUTBOX_TICK_MS: '100', WARROOM_ESCALATION_TICK_MS: '200', WARROOM_PUBLIC_URL: undefined },
    });
    engineer = (await server.createUser('engineer')).token;
    lead = (await server.createUser('lead')).token;
    roomId = (await server.ctx.prisma.room.findUniqueOrThrow({ where: { slug: 'launch' } })).id;
  });
  afterAll(async () => {
    await server?.stop();
    await chat?.close();
  });

  it('an incident reaches every channel that wants it, signed, in the same transaction as the incident', async () => {
    await addChannel('feishu', { kind: 'feishu', url: `${chat.url}/feishu/open-apis/bot/v2/hook/t1`, secret: chat.secrets.feishu });
    await addChannel('hook', { kind: 'webhook', url: `${chat.url}/webhook/1`, secret: chat.secrets.webhook });
    await addChannel('quiet', { kind: 'slack', url: `${chat.url}/slack/services/T1`, minSeverity: 'SEV1' });
    const inc = await open('Checkout answers half its requests', 'SEV2');
    for (const name of ['feishu', 'hook']) {
      await waitFor(
        `${name} delivered`,
        async () =>
          (await rows(channels[name] ?? '')).every((d) => d.state === 'delivered') && (await rows(channels[name] ?? '')).length === 1,
      );
    }
    expect(await rows(channels.quiet ?? '')).toHaveLength(0);
    const feishu = chat.messages.find((m) => m.vendor === 'feishu');
    expect(feishu?.text).toContain(`#${inc.number} Checkout answers half its requests`);
    expect(feishu?.text).toContain('unclaimed');
    // The link is to this server at its real port (it listens on PORT=0), not http://localhost:0.
    expect(feishu?.text).toContain(`http://localhost:${server.port}/incidents/${inc.number}?room=launch`);
    const hook = chat.messages.find((m) => m.vendor === 'webhook');
    const [d] = await rows(channels.hook ?? '');
    expect(hook?.headers['x-warroom-delivery']).toBe(d?.id);
    expect(hook?.headers['x-warroom-event']).toBe('incident.opened');
    expect(hook?.body).toMatchObject({ id: d?.id, event: 'incident.opened', room: 'launch', incident: { number: inc.number } });
    expect(d?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(d?.attempts).toBe(1);
  });

  it('a permanent refusal is dead at once with the vendor reason; nothing is retried against it', async () => {
    await server.ctx.prisma.notifyChannel.update({ where: { id: channels.feishu }, data: { secret: 'not-the-secret' } });
    await open('Search slow');
    const dead = await waitFor('feishu dead', async () => (await rows(channels.feishu ?? '')).find((r) => r.state === 'dead'));
    expect(dead.lastError).toContain('19021');
    expect(dead.attempts).toBe(1);
    await server.ctx.prisma.notifyChannel.update({ where: { id: channels.feishu }, data: { paused: true } });
  });

  it('a storm of incidents reaches a DingTalk channel within its 20 a minute, naming every incident', async () => {
    await server.ctx.prisma.notifyChannel.update({ where: { id: channels.hook }, data: { paused: true } });
    await addChannel('ding', { kind: 'dingtalk', url: `${chat.url}/dingtalk/robot/send?access_token=tok`, secret: chat.secrets.dingtalk });
    const numbers: number[] = [];
    for (let i = 0; i < 45; i++) numbers.push((await open(`storm ${i}`)).number);
    await waitFor(
      'storm delivered',
      async () => (await rows(channels.ding ?? '')).filter((r) => r.state === 'delivered').length === 45,
      600,
    );
    const ding = chat.messages.filter((m) => m.vendor === 'dingtalk');
    expect(ding.length).toBeLessThanOrEqual(20);
    const all = ding.map((m) => m.text).join('\n');
    for (const n of numbers) expect(all).toMatch(new RegExp(`#${n}\\b`));
    expect(chat.refused.filter((r) => r.vendor === 'dingtalk')).toHaveLength(0);
    expect((await rows(channels.ding ?? '')).some((r) => r.digest)).toBe(true);
  }, 200_000);

  it('leads manage channels through the API: the secret is write-only, bad input names the field, test and retry work', async () => {
    const base = '/api/v1/rooms/launch/channels';
    const bad = await api(server, 'POST', base, { token: lead, body: { name: 'x', kind: 'dingtalk', events: ['incident.nope'] } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('events');
    const noUrl = await api(server, 'POST', base, { token: lead, body: { name: 'x', kind: 'dingtalk', events: ['incident.opened'] } });
    expect(noUrl.status).toBe(400);
    expect(JSON.stringify(noUrl.body)).toContain('url');
    expect((await api(server, 'GET', base, { token: engineer })).status).toBe(403);
    const made = await api(server, 'POST', base, {
      token: lead,
      body: {
        name: 'wecom ops',
        kind: 'wecom',
        url: `${chat.url}/wecom/cgi-bin/webhook/send?key=wrong-key`,
        secret: 'never-shown',
        events: ['incident.unclaimed'],
        language: 'zh',
      },
    });
    expect(made.status).toBe(201);
    const ch = notificationsApi.createChannel.response.parse(made.body).channel;
    expect(ch).toMatchObject({ hasSecret: true, state: 'ok', ratePerMinute: 20, minSeverity: 'SEV2' });
    expect(JSON.stringify(made.body)).not.toContain('never-shown');
    const list = await api(server, 'GET', base, { token: lead });
    expect(JSON.stringify(list.body)).not.toContain('never-shown');
    // Send test: the vendor refuses the key (93000) → dead at once, the channel reads failing.
    const t1 = await api(server, 'POST', `${base}/${ch.id}/test`, { token: lead });
    expect(t1.status).toBe(200);
    const dead = notificationsApi.testChannel.response.parse(t1.body).delivery;
    // Filed as a test, not as one of the events a channel hears.
    expect(dead).toMatchObject({ event: 'channel.test', state: 'dead', attempts: 1, lastError: expect.stringContaining('93000') });
    const failing = notificationsApi.listChannels.response.parse((await api(server, 'GET', base, { token: lead })).body);
    expect(failing.channels.find((c) => c.id === ch.id)).toMatchObject({ state: 'failing', failingSince: expect.any(String) });
    // Fixed URL; the dead test message is retried and goes through; the channel recovers by itself.
    const fixed = await api(server, 'PATCH', `${base}/${ch.id}`, {
      token: lead,
      body: { url: `${chat.url}/wecom/cgi-bin/webhook/send?key=${chat.secrets.wecomKey}` },
    });
    expect(fixed.status).toBe(200);
    const retried = await api(server, 'POST', `/api/v1/rooms/launch/deliveries/${dead.id}/retry`, { token: lead });
    expect(retried.status).toBe(200);
    expect((await api(server, 'POST', `/api/v1/rooms/launch/deliveries/${dead.id}/retry`, { token: lead })).status).toBe(409);
    await waitFor('retried test delivered', async () => {
      const r = await api(server, 'GET', `/api/v1/rooms/launch/deliveries?channel=${ch.id}`, { token: lead });
      const ds = notificationsApi.listDeliveries.response.parse(r.body).deliveries;
      return ds.find((d) => d.id === dead.id && d.state === 'delivered');
    });
    const ok = notificationsApi.listChannels.response.parse((await api(server, 'GET', base, { token: lead })).body);
    expect(ok.channels.find((c) => c.id === ch.id)?.state).toBe('ok');
    // WeCom's key is in the URL: the address is write-only too, shown only by its last four characters.
    expect(JSON.stringify(ok)).not.toContain(chat.secrets.wecomKey);
    expect(ok.channels.find((c) => c.id === ch.id)?.url).toBe(
      `${chat.url}/wecom/cgi-bin/webhook/send?key=…${chat.secrets.wecomKey.slice(-4)}`,
    );
    expect(chat.messages.at(-1)?.text).toContain('Warroom 可以送达此频道');

    // Escalation: an SEV1 unclaimed past the room's interval emits incident.unclaimed in Chinese, naming how long.
    const s = await api(server, 'PATCH', '/api/v1/rooms/launch/settings', { token: lead, body: { escalation: { SEV1: 5 } } });
    expect(s.status).toBe(200);
    expect((await api(server, 'PATCH', '/api/v1/rooms/launch/settings', { token: lead, body: { escalation: { SEV1: 0 } } })).status).toBe(
      400,
    );
    const inc = await open('支付超时');
    await server.ctx.prisma.incident.update({ where: { id: inc.id }, data: { createdAt: new Date(Date.now() - 6 * 60_000) } });
    const msg = await waitFor('unclaimed notice', async () =>
      chat.messages.find((m) => m.vendor === 'wecom' && m.text.includes('支付超时')),
    );
    expect(msg.text).toContain('无人认领 6 分钟');
    const notices = await server.ctx.prisma.delivery.findMany({ where: { channelId: ch.id, event: 'incident.unclaimed' } });
    expect(notices).toHaveLength(1);
    // Claimed, then released: it waits anew from the release — no notice at once, one 6 minutes after it.
    expect((await api(server, 'POST', `/api/v1/incidents/${inc.id}/claim`, { token: engineer })).status).toBe(200);
    expect((await api(server, 'POST', `/api/v1/incidents/${inc.id}/release`, { token: engineer })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await server.ctx.prisma.delivery.count({ where: { channelId: ch.id, event: 'incident.unclaimed' } })).toBe(1);
    await server.ctx.prisma.incident.update({ where: { id: inc.id }, data: { releasedAt: new Date(Date.now() - 6 * 60_000 - 5000) } });
    await waitFor('a notice for the stretch after the release', async () =>
      (await server.ctx.prisma.delivery.count({ where: { channelId: ch.id, event: 'incident.unclaimed' } })) === 2 ? true : undefined,
    );
    // /metrics: deliveries by kind and state, the outbox depth; never a secret.
    const admin = (await server.createUser('admin')).token;
    const metrics = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${admin}` } }).then((r) => r.text());
    expect(metrics).toMatch(/warroom_deliveries\{kind="wecom",state="delivered"\} [1-9]/);
    expect(metrics).toMatch(/warroom_outbox_depth \d+/);
    expect(metrics).not.toContain('never-shown');
    expect(metrics).not.toContain(chat.secrets.wecomKey);
    expect((await api(server, 'DELETE', `${base}/${ch.id}`, { token: lead })).status).toBe(200);
  });
});
