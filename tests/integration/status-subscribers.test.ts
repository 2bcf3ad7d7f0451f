import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribeStatus } from '../../server/services/status/subscribe-status';
import { api, DB_KINDS, startServer, type TTestServer } from '../helpers/server';

interface TMail {
  to: string[];
  raw: string;
  body: string;
}

/** The body of a plain-text mail as a reader sees it (quoted-printable undone). */
function readable(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => `%${h}`);
  try {
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, '%25'));
  } catch {
    return bytes;
  }
}

async function waitFor<T>(fn: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 8000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const linkOf = (mail: TMail, verb: 'confirm' | 'unsubscribe') => {
  const m = mail.body.match(new RegExp(`https?://\\S+/subscribers/${verb}\\?token=[\\w-]+&format=html`));
  if (!m) throw new Error(`no ${verb} link in:\n${mail.body}`);
  return m[0];
};

/** Internal words that must never reach a subscriber's mail. */
const INTERNAL = 'checkout-db-secret-3 failover';

describe.each(DB_KINDS)('status page email subscribers on %s', (kind) => {
  let server: TTestServer;
  let smtp: SMTPServer;
  let statusDir: string;
  let lead: { token: string };
  const mails: TMail[] = [];
  const components: Record<string, string> = {};
  let publicId = '';
  const mailsTo = (addr: string) => mails.filter((m) => m.to.includes(addr));
  const subscribe = (body: unknown) => api(server, 'POST', '/api/v1/status/launch/subscribers', { body });

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, session, cb) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, body: readable(raw) });
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    const port = (smtp.server.address() as AddressInfo).port;
    statusDir = mkdtempSync(join(tmpdir(), 'warroom-subs-'));
    server = await startServer({
      db: kind,
      env: {
        WARROOM_STATUS_DIR: statusDir,
        WARROOM_OUTBOX_TICK_MS: '100',
        WARROOM_SMTP_URL: `smtp://127.0.0.1:${port}`,
        WARROOM_SMTP_FROM: 'Acme status <status@acme.test>',
      },
    });
    lead = await server.createUser('lead');
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
    rmSync(statusDir, { recursive: true, force: true });
  });

  it('answers 404 while the page is off, 400 naming email for a bad address, and a clear error without a mail server', async () => {
    expect((await subscribe({ email: 'a@example.com' })).status).toBe(404);
    const on = await api(server, 'PATCH', '/api/v1/rooms/launch/settings', {
      token: lead.token,
      body: { statusPage: { enabled: true, title: 'Acme Shop' } },
    });
    expect(on.status).toBe(200);
    for (const name of ['Orders', 'Website']) {
      const r = await api(server, 'POST', '/api/v1/rooms/launch/components', { token: lead.token, body: { name } });
      expect(r.status).toBe(201);
      components[name] = r.body.id;
    }
    for (const body of [{ email: 'not-an-address' }, { email: '' }, {}]) {
      const bad = await subscribe(body);
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(['email']);
    }
    // The test's own service context has no WARROOM_SMTP_URL: the service refuses, saying why.
    await expect(subscribeStatus({ ctx: server.ctx, slug: 'launch', client: 'x', input: { email: 'a@example.com' } })).rejects.toThrow(
      /WARROOM_SMTP_URL/,
    );
    // With a mail server the public page offers the form.
    expect(await (await fetch(`${server.url}/status/launch`)).text()).toContain('Get updates by email');
  });

  it('double opt-in: a confirmation mail only, then updates with a one-click unsubscribe, then nothing', async () => {
    const sub = await subscribe({ email: 'A@Example.com' });
    expect(sub.status).toBe(202);
    expect(sub.body).toEqual({ accepted: true });
    const confirmMail = await waitFor(() => mailsTo('a@example.com')[0]);
    expect(confirmMail.raw).toMatch(/Subject: Confirm your subscription to Acme Shop status/);
    // Asked again at once: no second mail (no mail bombing).
    expect((await subscribe({ email: 'a@example.com' })).status).toBe(429);

    // The internal incident behind the public one.
    const inc = await api(server, 'POST', '/api/v1/incidents', {
      token: lead.token,
      body: { title: `Orders failing: ${INTERNAL}`, severity: 'SEV1', summary: INTERNAL, room: 'launch' },
    });
    expect(inc.status).toBe(201);
    const pub = await api(server, 'POST', '/api/v1/rooms/launch/status-incidents', {
      token: lead.token,
      body: {
        incidentId: inc.body.id,
        title: 'Orders delayed',
        impact: 'major',
        components: [components.Orders],
        message: 'Some orders are delayed.',
      },
    });
    expect(pub.status).toBe(201);
    publicId = pub.body.id;
    // Unconfirmed: nothing but the confirmation was queued for the address.
    const a = await server.ctx.prisma.statusSubscriber.findFirstOrThrow({ where: { email: 'a@example.com' } });
    expect(a.confirmedAt).toBeNull();
    expect(await server.ctx.prisma.delivery.count({ where: { dedupKey: { startsWith: `status.mail:${a.id}:` } } })).toBe(0);

    const confirm = linkOf(confirmMail, 'confirm');
    const path = confirm.slice(confirm.indexOf('/api/'));
    const ok = await fetch(server.url + path);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Subscription confirmed');
    // The link works once.
    expect((await fetch(server.url + path)).status).toBe(404);
    expect((await fetch(`${server.url}${path.replace(/token=[\w-]+/, 'token=forged-token-forged-token-x')}`)).status).toBe(404);

    // Another subscriber, for the Website only (per-component subscription).
    expect((await subscribe({ email: 'b@example.com', components: [components.Website] })).status).toBe(202);
    const bConfirm = await waitFor(() => mailsTo('b@example.com')[0]);
    const bPath = linkOf(bConfirm, 'confirm');
    expect((await fetch(server.url + bPath.slice(bPath.indexOf('/api/')))).status).toBe(200);

    const up = await api(server, 'POST', `/api/v1/rooms/launch/status-incidents/${publicId}/updates`, {
      token: lead.token,
      body: { status: 'identified', message: 'We found the cause; a fix is on its way.' },
    });
    expect(up.status).toBe(201);
    const update = await waitFor(() => mailsTo('a@example.com')[1]);
    expect(update.body).toContain('Orders delayed — Identified');
    expect(update.body).toContain('We found the cause; a fix is on its way.');
    expect(update.body).toContain(`/status/launch`);
    // Nothing internal: not the internal title, summary or incident id.
    expect(update.raw).not.toContain('secret');
    expect(update.body).not.toContain(INTERNAL);
    expect(update.body).not.toContain(inc.body.id);
    // b follows the Website only: nothing was queued for b.
    const b = await server.ctx.prisma.statusSubscriber.findFirstOrThrow({ where: { email: 'b@example.com' } });
    expect(await server.ctx.prisma.delivery.count({ where: { dedupKey: { startsWith: `status.mail:${b.id}:` } } })).toBe(0);

    // One click, no sign-in.
    const unsub = linkOf(update, 'unsubscribe');
    const gone = await fetch(server.url + unsub.slice(unsub.indexOf('/api/')));
    expect(gone.status).toBe(200);
    expect(await gone.text()).toContain('unsubscribed');
    expect(await server.ctx.prisma.statusSubscriber.count({ where: { email: 'a@example.com' } })).toBe(0);

    const before = mails.length;
    const next = await api(server, 'POST', `/api/v1/rooms/launch/status-incidents/${publicId}/updates`, {
      token: lead.token,
      body: { status: 'resolved', message: 'All orders are flowing again.' },
    });
    expect(next.status).toBe(201);
    // The channel's own deliveries drain; none was for a or b.
    await waitFor(async () => (await server.ctx.prisma.delivery.count({ where: { state: { in: ['pending', 'retrying'] } } })) === 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(mails.length).toBe(before);
    // The subscriber address is the outbox's, not a channel leads see.
    const channels = await api(server, 'GET', '/api/v1/rooms/launch/channels', { token: lead.token });
    expect(channels.body.channels).toEqual([]);
    // …and its mails show in the delivery log as to a subscriber, not to a deleted channel.
    const log = await api(server, 'GET', '/api/v1/rooms/launch/deliveries', { token: lead.token });
    expect(log.body.deliveries.length).toBeGreaterThan(0);
    expect(log.body.deliveries.every((d: { to: string }) => d.to === 'subscriber')).toBe(true);
  });

  it('limits subscription requests per client address', async () => {
    // This client already asked 3 times in this window (a, a again, b); answers refused before the service (404, 400) do not count.
    const answers: number[] = [];
    for (const e of ['c@example.com', 'd@example.com', 'e@example.com']) answers.push((await subscribe({ email: e })).status);
    expect(answers).toEqual([202, 202, 429]);
  });
});
