import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, type TTestServer } from '../helpers/server';
import { startFakeChat, type TFakeChat } from '../helpers/fake-chat';
import { KINDS } from './incidents-helpers';
import { waitFor } from './signals-helpers';

describe.each(KINDS)('notification outbox on %s', (kind) => {
  let server: TTestServer;
  let chat: TFakeChat;
  let engineer: string;
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
    server = await startServer({ db: kind, env: { WARROOM_OUTBOX_TICK_MS: '100', WARROOM_PUBLIC_URL: undefined } });
    engineer = (await server.createUser('engineer')).token;
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
    expect(feishu?.text).toContain(`/incidents/${inc.number}?room=launch`);
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
    for (let i = 0; i < 60; i++) numbers.push((await open(`storm ${i}`)).number);
    await waitFor(
      'storm delivered',
      async () => (await rows(channels.ding ?? '')).filter((r) => r.state === 'delivered').length === 60,
      360,
    );
    const ding = chat.messages.filter((m) => m.vendor === 'dingtalk');
    expect(ding.length).toBeLessThanOrEqual(20);
    const all = ding.map((m) => m.text).join('\n');
    for (const n of numbers) expect(all).toMatch(new RegExp(`#${n}\\b`));
    expect(chat.refused.filter((r) => r.vendor === 'dingtalk')).toHaveLength(0);
    expect((await rows(channels.ding ?? '')).some((r) => r.digest)).toBe(true);
  }, 120_000);
});
