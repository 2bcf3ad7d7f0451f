/**
 * Idempotency-Key across hard crashes (issue 16, finding 2): keyed writes are
 * in flight when the process is killed with SIGKILL at varying moments; after
 * a restart each key is retried with the same body. Every key must end with
 * exactly one effect (one timeline entry) and an answer — never a permanent
 * 409. A reused key with a different body is refused with 422.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, type TTestServer } from '../helpers/server';
import { ZErrorBody } from '../../lib/errors';
import { KINDS } from './incidents-helpers';

const ROUNDS = 6;
const KEYS_PER_ROUND = 8;
/** The lease of a placeholder, short here so a retry after the crash need not wait 30 s. */
const LEASE_MS = 1500;
/** A retry that meets a live lease is told 409 "in progress" at once, with Retry-After; a client waits that long and retries, boundedly. */
const RETRIES = 4;
/**
 * When the process is killed after the writes are sent, one moment a round; most writes finish within
 * ~50 ms here, so these fall before the first request is read, mid-transaction, around commit and after
 * the answers (each round costs a restart: six keep the file near a minute on both databases).
 */
const KILL_AFTER_MS = [0, 6, 12, 25, 50, 200];

describe.each(KINDS)('Idempotency-Key across kill -9 on %s', (kind) => {
  let server: TTestServer;
  let engineer: { token: string };

  beforeAll(async () => {
    server = await startServer({ db: kind, env: { WARROOM_IDEMPOTENCY_LEASE_MS: String(LEASE_MS) } });
    engineer = await server.createUser('engineer');
  });
  afterAll(async () => {
    await server?.stop();
  });

  const post = (id: string, key: string, body: unknown) =>
    api(server, 'POST', `/api/v1/incidents/${id}/updates`, { token: engineer.token, body, headers: { 'idempotency-key': key } });

  it('a reused key with a different body answers 422; with the same body it replays', async () => {
    const inc = await api(server, 'POST', '/api/v1/incidents', { token: engineer.token, body: { title: 'Mismatch', severity: 'SEV3' } });
    const first = await post(inc.body.id, 'k-mismatch', { body: 'first' });
    expect(first.status).toBe(201);
    const again = await post(inc.body.id, 'k-mismatch', { body: 'first' });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const other = await post(inc.body.id, 'k-mismatch', { body: 'something else' });
    expect(other.status).toBe(422);
    expect(ZErrorBody.parse(other.body).error.code).toBe('idempotency_mismatch');
  });

  it(`${ROUNDS} rounds of keyed writes killed mid-flight: each key ends with one effect and an answer`, { timeout: 360_000 }, async () => {
    const seen = { takenOver: 0, replayed: 0, fresh: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const inc = await api(server, 'POST', '/api/v1/incidents', {
        token: engineer.token,
        body: { title: `Crash round ${round}`, severity: 'SEV2' },
      });
      expect(inc.status).toBe(201);
      const keys = Array.from({ length: KEYS_PER_ROUND }, (_, k) => ({
        key: `r${round}-k${k}-${kind}`,
        body: { body: `round ${round} write ${k}` },
      }));
      const inFlight = keys.map((k) => post(inc.body.id, k.key, k.body).catch(() => null));
      // Before the first request is read, mid-transaction, after commit, after the answer.
      await new Promise((r) => setTimeout(r, KILL_AFTER_MS[round % KILL_AFTER_MS.length]));
      server.proc.kill('SIGKILL');
      await Promise.all(inFlight);
      await server.restart();

      for (const k of keys) {
        let answer = await post(inc.body.id, k.key, k.body);
        if (answer.headers.get('idempotent-replayed')) seen.replayed++;
        else if (server.logs().includes(`key ${k.key} taken over`)) seen.takenOver++;
        else seen.fresh++;
        for (let i = 0; i < RETRIES && answer.status === 409; i++) {
          expect(answer.headers.get('retry-after'), k.key).toBe('1');
          await new Promise((r) => setTimeout(r, Number(answer.headers.get('retry-after')) * 1000));
          answer = await post(inc.body.id, k.key, k.body);
        }
        expect(answer.status, `${k.key}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(201);
        expect(answer.body.body).toBe(k.body.body);
        const effects = await server.ctx.prisma.incidentEntry.count({
          where: { incidentId: inc.body.id, kind: 'post', body: k.body.body },
        });
        expect(effects, k.key).toBe(1);
        // The answer names the one entry that exists.
        const entry = await server.ctx.prisma.incidentEntry.findFirstOrThrow({
          where: { incidentId: inc.body.id, kind: 'post', body: k.body.body },
        });
        expect(answer.body.id).toBe(entry.id);
      }
    }
    // How the retries found their keys: replayed (committed before the kill), taken over (killed mid-flight), fresh (never reached).
    console.log(`idempotency after kill -9 on ${kind}: ${JSON.stringify(seen)}`);
  });
});
