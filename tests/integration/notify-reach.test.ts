import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationsApi } from '../../lib/api/notifications';
import { ZChannelHealthChanged } from '../../lib/api/notifications';
import type { TChannelHealth } from '../../lib/api/notifications';
import { api, DB_KINDS, startServer, type TTestServer } from '../helpers/server';
import { startFakeChat, type TFakeChat } from '../helpers/fake-chat';
import { connect, nextEvent } from './incidents-helpers';
import { waitFor } from './signals-helpers';

interface TMail {
  to: string[];
  subject: string;
  body: string;
}

/** A header or body as a reader sees it: RFC 2047 words and quoted-printable / base64 undone. */
function decodeWords(v: string): string {
  return v
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeURIComponent(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1')),
    );
}
function parseMail(raw: string, to: string[]): TMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const subject = decodeWords(/^Subject: (.*)$/im.exec(head)?.[1] ?? '');
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(head)?.[1]?.trim().toLowerCase();
  const rawBody = raw.slice(split + 4);
  const body =
    encoding === 'base64'
      ? Buffer.from(rawBody.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            rawBody.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8')
        : rawBody;
  return { to, subject, body };
}

describe.each(DB_KINDS)('notifications reach people, and say when they cannot, on %s', (kind) => {
  let server: TTestServer;
  let chat: TFakeChat;
  let smtp: SMTPServer;
  let socket: Socket | undefined;
  let engineer: string;
  let lead: string;
  let viewer: string;
  let roomId: string;
  const mails: TMail[] = [];

  const open = async (title: string, severity = 'SEV1') => {
    const r = await api(server, 'POST', '/api/v1/incidents', { token: engineer, body: { title, severity, room: 'launch' } });
    expect(r.status).toBe(201);
    return r.body as { id: string; number: number; version: number };
  };
  const addChannel = async (body: Record<string, unknown>) => {
    const r = await api(server, 'POST', '/api/v1/rooms/launch/channels', { token: lead, body });
    expect(r.status).toBe(201);
    return notificationsApi.createChannel.response.parse(r.body).channel.id;
  };
  const rows = (channelId: string) => server.ctx.prisma.delivery.findMany({ where: { channelId }, orderBy: { createdAt: 'asc' } });
  const health = async (token: string) => {
    const r = await api(server, 'GET', '/api/v1/rooms/launch/channel-health', { token });
    expect(r.status).toBe(200);
    return notificationsApi.channelHealth.response.parse(r.body);
  };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onRcptTo(address, _session, cb) {
        // A mailbox the server refuses for good: 550, as a real one answers an unknown user.
        if (address.address.startsWith('nobody@')) {
          const err = Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 });
          return cb(err);
        }
        cb();
      },
      onData(stream, session, cb) {
        let raw = '';
        stream.setEncoding('utf8');
        stream.on('data', (c: string) => (raw += c));
        stream.on('end', () => {
          mails.push(
            parseMail(
              raw,
              session.envelope.rcptTo.map((r) => r.address),
            ),
          );
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    const port = (smtp.server.address() as AddressInfo).port;
    chat = await startFakeChat();
    server = await startServer({
      db: kind,
      env: {
        WARROOM_OUTBOX_TICK_MS: '100',
        WARROOM_SMTP_URL: `smtp://127.0.0.1:${port}`,
        WARROOM_SMTP_FROM: 'Warroom <warroom@acme.test>',
        WARROOM_PUBLIC_URL: undefined,
      },
    });
    engineer = (await server.createUser('engineer')).token;
    lead = (await server.createUser('lead')).token;
    viewer = (await server.createUser('viewer')).token;
    roomId = (await server.ctx.prisma.room.findUniqueOrThrow({ where: { slug: 'launch' } })).id;
    socket = await connect(server, viewer);
    const s = socket;
    await new Promise<void>((r, j) => s.emit('room:join', { room: 'launch' }, (a: { ok: boolean }) => (a.ok ? r() : j(new Error('join')))));
  }, 120_000);
  afterAll(async () => {
    socket?.close();
    await server?.stop();
    await chat?.close();
    await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  });

  it('email: an incident arrives by SMTP with its subject and body in English and in Chinese', async () => {
    const en = await addChannel({ name: 'mail en', kind: 'email', to: ['ops@acme.test'], events: ['incident.opened'], language: 'en' });
    const zh = await addChannel({ name: 'mail zh', kind: 'email', to: ['duty@acme.test'], events: ['incident.opened'], language: 'zh' });
    const inc = await open('Checkout answers 502');
    await waitFor('both mails delivered', async () => {
      const all = [...(await rows(en)), ...(await rows(zh))];
      return all.length === 2 && all.every((d) => d.state === 'delivered');
    });
    const toEn = mails.find((m) => m.to.includes('ops@acme.test'));
    const toZh = mails.find((m) => m.to.includes('duty@acme.test'));
    expect(toEn?.subject).toBe(`[SEV1] #${inc.number} Checkout answers 502 — opened`);
    expect(toEn?.body).toContain('Room: ');
    expect(toEn?.body).toContain('unclaimed');
    expect(toEn?.body).toContain(`/incidents/${inc.number}?room=launch`);
    expect(toEn?.body).not.toContain('**');
    expect(toZh?.subject).toBe(`[SEV1] #${inc.number} Checkout answers 502 — 新事件`);
    expect(toZh?.body).toContain('房间：');
    expect(toZh?.body).toContain('调查中 · 无人认领');
    expect(toZh?.body).toContain(`/incidents/${inc.number}?room=launch`);
    for (const id of [en, zh]) await api(server, 'DELETE', `/api/v1/rooms/launch/channels/${id}`, { token: lead });
  });

  it('a refusal (550) is dead at once with the reason; the room says the channel fails, live, and recovers by itself', async () => {
    const displayKey = await server.createDisplayLink('launch');
    expect((await health(displayKey)).failing).toEqual([]);
    const ch = await addChannel({ name: 'pager mail', kind: 'email', to: ['nobody@acme.test'], events: ['incident.opened'] });
    const failingPush = nextEvent<TChannelHealth & { room: string }>(
      socket as Socket,
      'channels:health',
      (p) => p.failing.some((c) => c.id === ch),
      20_000,
    );
    await open('Search down');
    const dead = await waitFor('refused mail dead', async () => (await rows(ch)).find((d) => d.state === 'dead'));
    expect(dead.attempts).toBe(1);
    expect(dead.lastError).toMatch(/^smtp 550: /);
    expect(dead.lastError).toContain('mailbox unavailable');

    const pushed = ZChannelHealthChanged.parse(await failingPush);
    expect(pushed).toMatchObject({ roomId, room: 'launch' });
    expect(pushed.failing).toEqual([
      { id: ch, name: 'pager mail', kind: 'email', failingSince: dead.createdAt.toISOString(), lastError: dead.lastError },
    ]);
    // Every reader of the room sees the same, a display link included; the lead's channel list agrees.
    for (const token of [viewer, displayKey]) expect((await health(token)).failing).toEqual(pushed.failing);
    const list = notificationsApi.listChannels.response.parse(
      (await api(server, 'GET', '/api/v1/rooms/launch/channels', { token: lead })).body,
    );
    expect(list.channels.find((c) => c.id === ch)).toMatchObject({ state: 'failing', failingSince: dead.createdAt.toISOString() });

    // Fixed recipient, the dead one retried: delivered, and the room hears that the channel works again.
    const recovered = nextEvent<TChannelHealth>(socket as Socket, 'channels:health', (p) => !p.failing.some((c) => c.id === ch), 20_000);
    expect(
      (await api(server, 'PATCH', `/api/v1/rooms/launch/channels/${ch}`, { token: lead, body: { to: ['pager@acme.test'] } })).status,
    ).toBe(200);
    expect((await api(server, 'POST', `/api/v1/rooms/launch/deliveries/${dead.id}/retry`, { token: lead })).status).toBe(200);
    await waitFor('retried mail delivered', async () => (await rows(ch)).every((d) => d.state === 'delivered'));
    expect((await recovered).failing).toEqual([]);
    expect((await health(viewer)).failing).toEqual([]);
    expect(mails.some((m) => m.to.includes('pager@acme.test') && m.subject.includes('Search down'))).toBe(true);
    await api(server, 'DELETE', `/api/v1/rooms/launch/channels/${ch}`, { token: lead });
  });

  it('a channel whose deliveries keep failing for 5 minutes reads failing from then on, pushed when the time passes', {
    timeout: 90_000,
  }, async () => {
    const ch = await addChannel({
      name: 'ops ding',
      kind: 'dingtalk',
      url: `${chat.url}/dingtalk/robot/send?access_token=tok`,
      events: [],
    });
    // A delivery retrying since 4 min 55 s ago (its next attempt far off): not failing yet, then failing once 5 minutes have
    // passed (the health watch looks every second). Five seconds is room enough for the one read below on a loaded machine.
    const createdAt = new Date(Date.now() - 5 * 60_000 + 5_000);
    await server.ctx.prisma.delivery.create({
      data: {
        roomId,
        channelId: ch,
        event: 'incident.opened',
        dedupKey: 'stuck',
        payload: '{}',
        state: 'retrying',
        attempts: 4,
        lastError: 'network error ECONNREFUSED',
        createdAt,
        nextAttemptAt: new Date(Date.now() + 3_600_000),
        deadline: new Date(Date.now() + 3_600_000),
      },
    });
    expect((await health(viewer)).failing.some((c) => c.id === ch)).toBe(false);
    const pushed = await nextEvent<TChannelHealth>(socket as Socket, 'channels:health', (p) => p.failing.some((c) => c.id === ch), 60_000);
    expect(pushed.failing.find((c) => c.id === ch)).toEqual({
      id: ch,
      name: 'ops ding',
      kind: 'dingtalk',
      failingSince: createdAt.toISOString(),
      lastError: 'network error ECONNREFUSED',
    });
    // Paused: a lead chose silence, so the room does not call it failing.
    const quiet = nextEvent<TChannelHealth>(socket as Socket, 'channels:health', (p) => !p.failing.some((c) => c.id === ch), 20_000);
    await api(server, 'PATCH', `/api/v1/rooms/launch/channels/${ch}`, { token: lead, body: { paused: true } });
    await quiet;
    await api(server, 'DELETE', `/api/v1/rooms/launch/channels/${ch}`, { token: lead });
  });

  it('raising an incident severity enqueues incident.escalated in the same transaction; lowering it or a refused change says nothing', async () => {
    const hook = await addChannel({
      name: 'escalations',
      kind: 'webhook',
      url: `${chat.url}/webhook/esc`,
      secret: chat.secrets.webhook,
      events: ['incident.escalated'],
      minSeverity: 'SEV4',
    });
    const inc = await open('Avatar uploads slow', 'SEV3');
    const sev = (severity: string, version: number) =>
      api(server, 'POST', `/api/v1/incidents/${inc.id}/severity`, { token: engineer, body: { severity, version } });
    // A stale version is refused: the change rolls back, and so does its notification.
    expect((await sev('SEV1', inc.version + 5)).status).toBe(409);
    const raised = await sev('SEV1', inc.version);
    expect(raised.status).toBe(200);
    const msg = await waitFor('escalated message', async () =>
      chat.messages.find((m) => m.vendor === 'webhook' && m.headers['x-warroom-event'] === 'incident.escalated'),
    );
    expect(msg.body).toMatchObject({ event: 'incident.escalated', room: 'launch', incident: { number: inc.number, severity: 'SEV1' } });
    expect(msg.text).toContain(`[SEV1] #${inc.number} Avatar uploads slow — escalated`);
    expect(msg.text).toContain('severity: SEV3 → SEV1');
    expect((await sev('SEV2', (raised.body as { version: number }).version)).status).toBe(200);
    const escalated = await rows(hook);
    expect(escalated.map((d) => d.event)).toEqual(['incident.escalated']);
    await api(server, 'DELETE', `/api/v1/rooms/launch/channels/${hook}`, { token: lead });
  });
});
