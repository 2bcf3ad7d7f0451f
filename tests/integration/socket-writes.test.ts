import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { TAck } from '../../lib/errors';
import { api, startServer, type TTestServer } from '../helpers/server';
import { connect, KINDS, nextEvent, subscribe } from './incidents-helpers';

function emit<T>(s: Socket, event: string, payload: unknown): Promise<TAck<T>> {
  return new Promise((resolve) => s.emit(event, payload, (r: TAck<T>) => resolve(r)));
}

/** Socket writes go through the same services and permission table as HTTP. */
describe.each(KINDS)('incident commands over the socket on %s', (kind) => {
  let server: TTestServer;
  let engineer: Awaited<ReturnType<TTestServer['createUser']>>;
  let viewer: Awaited<ReturnType<TTestServer['createUser']>>;
  let incidentId: string;

  beforeAll(async () => {
    server = await startServer({ db: kind });
    [engineer, viewer] = await Promise.all([server.createUser('engineer'), server.createUser('viewer')]);
    incidentId = (
      await api(server, 'POST', '/api/v1/incidents', { token: engineer.token, body: { title: 'Checkout errors', severity: 'SEV2' } })
    ).body.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('a viewer cannot claim or post, but may comment; a display link may do neither', async () => {
    const s = await connect(server, viewer.token);
    const display = await connect(server, await server.createDisplayLink());
    try {
      const claim = await emit(s, 'incident:claim', { id: incidentId });
      expect(claim).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const post = await emit(s, 'incident:post', { id: incidentId, body: 'I am a viewer' });
      expect(post).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const comment = await emit<{ kind: string }>(s, 'incident:comment', { id: incidentId, body: 'seen from the lobby' });
      expect(comment.ok && comment.data.kind).toBe('comment');
      expect(await emit(display, 'incident:comment', { id: incidentId, body: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      const stored = await server.ctx.prisma.incident.findUniqueOrThrow({ where: { id: incidentId }, include: { entries: true } });
      expect(stored.ownerId).toBeNull();
      expect(stored.entries.map((e) => e.kind).sort()).toEqual(['comment', 'created']);
    } finally {
      s.disconnect();
      display.disconnect();
    }
  });

  it('an engineer claims and posts over the socket and another screen sees it', async () => {
    const eng = await connect(server, engineer.token);
    const watcher = await connect(server, viewer.token);
    try {
      await subscribe(watcher);
      const seen = nextEvent<{ incident: { owner: { id: string } | null } }>(
        watcher,
        'incident:changed',
        (p) => p.incident?.owner?.id === engineer.id,
      );
      const claim = await emit<{ owner: { id: string } }>(eng, 'incident:claim', { id: incidentId });
      expect(claim.ok && claim.data.owner.id).toBe(engineer.id);
      await seen;
      const post = await emit<{ body: string }>(eng, 'incident:post', { id: incidentId, body: 'rolling back the deploy' });
      expect(post.ok && post.data.body).toBe('rolling back the deploy');
    } finally {
      eng.disconnect();
      watcher.disconnect();
    }
  });

  it('a bad payload is refused naming the field, and nothing is stored', async () => {
    const eng = await connect(server, engineer.token);
    try {
      const before = await server.ctx.prisma.incidentEntry.count();
      const r = await emit(eng, 'incident:post', { id: incidentId, body: '', status: 'done' });
      expect(r.ok).toBe(false);
      const fields = !r.ok ? (r.error.details ?? []).map((d) => d.field) : [];
      expect(fields).toEqual(expect.arrayContaining(['body', 'status']));
      expect(await server.ctx.prisma.incidentEntry.count()).toBe(before);
    } finally {
      eng.disconnect();
    }
  });
});
