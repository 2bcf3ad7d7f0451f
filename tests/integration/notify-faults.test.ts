import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, type TTestServer } from '../helpers/server';
import { startFakeChat, type TFakeChat } from '../helpers/fake-chat';
import { DB_KINDS as KINDS } from '../helpers/server';
import { waitFor } from './signals-helpers';

/**
 * kill -9 of the sending process in the middle of a storm, then a restart on
 * the same database: every delivery ends delivered or dead with a reason, and
 * a message arrives twice at most once (only when the crash fell between the
 * vendor's answer and the row's update).
 */
describe.each(KINDS)('notification outbox survives kill -9 on %s', (kind) => {
  let server: TTestServer;
  let chat: TFakeChat;
  let engineer: string;

  beforeAll(async () => {
    chat = await startFakeChat();
    // A slow vendor, so a send is in flight when the process dies.
    chat.delay.ms = 250;
    server = await startServer({ db: kind, env: { WARROOM_OUTBOX_TICK_MS: '50', WARROOM_OUTBOX_LEASE_MS: '6000' } });
    engineer = (await server.createUser('engineer')).token;
  });
  afterAll(async () => {
    await server?.stop();
    await chat?.close();
  });

  it('ends every row delivered or dead, with at most one duplicate for the crash', async () => {
    const roomId = (await server.ctx.prisma.room.findUniqueOrThrow({ where: { slug: 'launch' } })).id;
    const channel = await server.ctx.prisma.notifyChannel.create({
      data: {
        roomId,
        name: 'hook',
        kind: 'webhook',
        url: `${chat.url}/webhook/1`,
        secret: chat.secrets.webhook,
        events: '["incident.opened"]',
      },
    });
    const rows = () => server.ctx.prisma.delivery.findMany({ where: { channelId: channel.id } });
    for (let i = 0; i < 30; i++) {
      const r = await api(server, 'POST', '/api/v1/incidents', { token: engineer, body: { title: `storm ${i}`, severity: 'SEV1' } });
      expect(r.status).toBe(201);
    }
    await waitFor('some delivered', async () => chat.messages.length >= 5, 200, 20);
    await server.kill('SIGKILL');
    const before = (await rows()).filter((r) => r.state === 'delivered').length;
    expect(before).toBeLessThan(30);
    await server.restart();
    const done = await waitFor(
      'all settled',
      async () => {
        const all = await rows();
        return all.length === 30 && all.every((r) => r.state === 'delivered' || r.state === 'dead') && all;
      },
      600,
    );
    for (const r of done) if (r.state === 'dead') expect(r.lastError).toBeTruthy();
    expect(done.filter((r) => r.state === 'delivered')).toHaveLength(30);
    const seen = new Map<string, number>();
    for (const m of chat.messages) {
      const id = String(m.headers['x-warroom-delivery']);
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    for (const r of done) expect(seen.get(r.id), `delivery ${r.id} arrived`).toBeGreaterThanOrEqual(1);
    const twice = [...seen.values()].filter((n) => n > 1);
    expect(twice.length).toBeLessThanOrEqual(1);
    expect(Math.max(...seen.values())).toBeLessThanOrEqual(2);
  }, 200_000);
});
