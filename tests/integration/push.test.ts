// Web Push to a manager's phone, end to end: a person subscribes a device through the API, an
// incident opens, the outbox posts to the device's push service (a local fake), and the payload
// decrypts (RFC 8291, aes128gcm) with the device's own keys to the incident's words; the VAPID
// token (RFC 8292) verifies against the install's public key. A 410 removes the subscription.
import { createECDH, createPublicKey, randomBytes, verify } from 'node:crypto';
import { decrypt } from 'http_ece';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushApi } from '../../lib/api/push';
import { startFakePush, type TFakePush } from '../helpers/fake-push';
import { api, DB_KINDS, startServer, type TTestServer } from '../helpers/server';
import { waitFor } from './signals-helpers';

/** What a browser's PushManager.subscribe() makes: a P-256 key pair and a 16-byte auth secret. */
function device(endpoint: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16).toString('base64url');
  return { ecdh, auth, json: { endpoint, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth } } };
}

/** Checks the ES256 JWT of `Authorization: vapid t=…, k=…` against k, and answers its claims. */
function verifyVapid(header: string | undefined): { aud: string; sub: string; exp: number; k: string } {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!m) throw new Error(`not a vapid header: ${header}`);
  const [h, p, s] = (m[1] as string).split('.') as [string, string, string];
  const point = Buffer.from(m[2] as string, 'base64url');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33, 65).toString('base64url') },
    format: 'jwk',
  });
  const ok = verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'));
  if (!ok) throw new Error('vapid signature does not verify');
  return { ...JSON.parse(Buffer.from(p, 'base64url').toString()), k: m[2] as string };
}

describe.each(DB_KINDS)('Web Push to phones on %s', (kind) => {
  let server: TTestServer;
  let push: TFakePush;
  let manager: { id: string; token: string };
  let engineer: string;

  const open = async (title: string, severity: string) => {
    const r = await api(server, 'POST', '/api/v1/incidents', { token: engineer, body: { title, severity, room: 'launch' } });
    expect(r.status).toBe(201);
    return r.body as { id: string; number: number };
  };

  beforeAll(async () => {
    push = await startFakePush();
    server = await startServer({ db: kind, env: { WARROOM_OUTBOX_TICK_MS: '100', WARROOM_PUBLIC_URL: undefined } });
    manager = await server.createUser('viewer', 'Mei the manager');
    engineer = (await server.createUser('engineer')).token;
  });
  afterAll(async () => {
    await server?.stop();
    await push?.close();
  });

  it("delivers an incident to the subscribed device, encrypted for its keys and signed with the install's VAPID key", async () => {
    const key = await api(server, 'GET', '/api/v1/push/vapid-public-key', { token: manager.token });
    expect(key.status).toBe(200);
    const { publicKey } = pushApi.vapidPublicKey.response.parse(key.body);
    expect(Buffer.from(publicKey, 'base64url')).toHaveLength(65);

    const phone = device(`${push.url}/push/phone-1`);
    const saved = await api(server, 'POST', '/api/v1/push/subscriptions', {
      token: manager.token,
      body: { ...phone.json, rooms: ['launch'], minSeverity: 'SEV2', language: 'en' },
    });
    expect(saved.status).toBe(201);
    expect(pushApi.saveSubscription.response.parse(saved.body).subscription).toMatchObject({ rooms: ['launch'], minSeverity: 'SEV2' });
    expect(JSON.stringify(saved.body)).not.toContain(phone.auth);

    const quiet = await open('Avatar thumbnails slow', 'SEV3'); // below the device's minimum: never sent
    const inc = await open('Checkout answers half its requests', 'SEV1');
    const got = await waitFor('the push arrived', async () => push.received.find((r) => r.path === '/push/phone-1'));
    expect(got.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(got.headers.ttl)).toBeGreaterThan(0);
    expect(got.headers.urgency).toBe('high');
    const jwt = verifyVapid(got.headers.authorization);
    expect(jwt.k).toBe(publicKey);
    expect(jwt.aud).toBe(push.url);
    expect(jwt.exp * 1000).toBeGreaterThan(Date.now());

    const payload = JSON.parse(
      decrypt(got.body, { version: 'aes128gcm', privateKey: phone.ecdh, authSecret: phone.auth }).toString('utf8'),
    );
    expect(payload).toMatchObject({
      title: `[SEV1] #${inc.number} Checkout answers half its requests — opened`,
      tag: `launch#${inc.number}`,
      severity: 'SEV1',
    });
    expect(payload.url).toMatch(new RegExp(`/incidents/${inc.number}\\?room=launch$`));
    expect(payload.body).toContain('unclaimed');
    expect(payload.body).not.toContain('**');

    // The outbox's row: delivered, on the room's push channel, counted like any other delivery. The worker
    // records the answer just after the push service has it, so the row is read until it says so.
    const pushRows = () => server.ctx.prisma.delivery.findMany({ where: { channel: { kind: 'push' } } });
    await expect
      .poll(async () => (await pushRows()).map((r) => [r.incidentNumber, r.state, r.attempts]))
      .toEqual([[inc.number, 'delivered', 1]]);
    expect((await pushRows()).some((r) => r.incidentNumber === quiet.number)).toBe(false);
    expect(push.received.filter((r) => r.path === '/push/phone-1')).toHaveLength(1);

    // The push channel is the outbox's own: leads never see it among the room's channels.
    const lead = (await server.createUser('lead')).token;
    const channels = await api(server, 'GET', '/api/v1/rooms/launch/channels', { token: lead });
    expect(channels.status).toBe(200);
    expect(JSON.stringify(channels.body)).not.toContain('__push');
  });

  it('a 410 from the push service removes the subscription; the delivery is dead with the reason', async () => {
    const gone = device(`${push.url}/gone/phone-2`);
    const saved = await api(server, 'POST', '/api/v1/push/subscriptions', {
      token: manager.token,
      body: { ...gone.json, rooms: ['launch'] },
    });
    expect(saved.status).toBe(201);
    const id = pushApi.saveSubscription.response.parse(saved.body).subscription.id;
    const inc = await open('Search down', 'SEV2');
    const dead = await waitFor('the delivery died', () =>
      server.ctx.prisma.delivery.findFirst({ where: { channel: { kind: 'push' }, incidentNumber: inc.number, state: 'dead' } }),
    );
    expect(dead.lastError).toContain('410');
    expect(dead.attempts).toBe(1);
    // The room's delivery log says it went to a phone, not to a channel of the list.
    const lead = (await server.createUser('lead')).token;
    const log = await api(server, 'GET', '/api/v1/rooms/launch/deliveries?state=dead', { token: lead });
    expect(log.body.deliveries.find((d: { id: string }) => d.id === dead.id)).toMatchObject({ to: 'phone', event: 'incident.opened' });
    expect(await server.ctx.prisma.pushSubscription.findUnique({ where: { id } })).toBeNull();
    // The first device still heard it.
    await waitFor(
      'phone-1 heard Search down',
      async () =>
        (await server.ctx.prisma.delivery.count({
          where: { channel: { kind: 'push' }, incidentNumber: inc.number, state: 'delivered' },
        })) === 1,
    );
  });

  it('a person turns push off for their device; nobody else can, and a bad subscription names its field', async () => {
    const phone = device(`${push.url}/push/phone-3`);
    const saved = await api(server, 'POST', '/api/v1/push/subscriptions', { token: manager.token, body: phone.json });
    expect(saved.status).toBe(201);
    const sub = pushApi.saveSubscription.response.parse(saved.body).subscription;
    expect(sub.rooms).toContain('launch'); // no rooms named: every room
    const other = await server.createUser('lead');
    expect((await api(server, 'DELETE', `/api/v1/push/subscriptions/${sub.id}`, { token: other.token })).status).toBe(404);
    const off = await api(server, 'DELETE', `/api/v1/push/subscriptions/${sub.id}`, { token: manager.token });
    expect(off.status).toBe(200);
    expect(await server.ctx.prisma.pushSubscription.findUnique({ where: { id: sub.id } })).toBeNull();

    const bad = await api(server, 'POST', '/api/v1/push/subscriptions', {
      token: manager.token,
      body: { ...phone.json, endpoint: 'http://10.0.0.5/push/x' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('endpoint');
    const noRoom = await api(server, 'POST', '/api/v1/push/subscriptions', {
      token: manager.token,
      body: { ...phone.json, rooms: ['nope'] },
    });
    expect(noRoom.status).toBe(400);
    expect(JSON.stringify(noRoom.body)).toContain('rooms');
  });
});
