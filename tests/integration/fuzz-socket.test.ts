/**
 * Property-based fuzzing of every socket command (fast-check), on SQLite and
 * PostgreSQL. Commands come from the socket table (lib/api/socket.ts), near-valid
 * payloads from each command's own schema, so a command added later is fuzzed
 * too; the handler modules must listen to exactly the table's commands. Each run sends a
 * generated argument list (no payload, one, extra arguments; valid, near-valid
 * from the command's schema, or hostile) as one of several kinds of caller.
 * Properties: the ack always comes, within a bound, as `{ ok: true, data }` or
 * `{ ok: false, error }` in the API's error shape, never "internal"; the
 * socket stays connected; unknown events and garbage leave the server up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, type TTestServer } from '../helpers/server';
import { anyJson, inputsFor, nastyString } from '../helpers/fuzz-arbitraries';
import { ZErrorBody } from '../../lib/errors';
import type { TSocketCommand } from '../../lib/api/contract';
import { SOCKET_COMMANDS } from '../../lib/api/socket';
import { signInCookie } from './access-callers';
import { KINDS } from './incidents-helpers';

const SCALE = Number(process.env.WARROOM_FUZZ_SCALE ?? 1);
const RUNS_PER_EVENT = Math.round(25 * SCALE);
const ACK_TIMEOUT_MS = 8000;

/** Every command a handler module registers: onCommand(socket, 'domain:verb', …). */
function registeredCommands(): string[] {
  const dir = join(process.cwd(), 'server', 'realtime');
  const names = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/onCommand\(\s*socket,\s*'([a-z]+:[a-z-]+)'/g)) names.add(m[1]!);
  }
  return [...names].sort();
}

/** Every command of the socket table, with the schema its near-valid payloads are drawn from. */
const PAYLOADS: Record<string, z.ZodType> = Object.fromEntries(
  Object.entries(SOCKET_COMMANDS as Record<string, TSocketCommand>).map(([name, c]) => [name, c.payload]),
);

function connect(server: TTestServer, opts: { token?: string; cookie?: string }): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = io(server.url, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: opts.token ? { token: opts.token } : {},
      extraHeaders: opts.cookie ? { cookie: opts.cookie, origin: server.url } : {},
      reconnection: false,
    });
    s.once('connect', () => resolve(s));
    s.once('connect_error', (e) => reject(e));
  });
}

describe.each(KINDS)('fuzzing socket commands on %s', (kind) => {
  let server: TTestServer;
  let sockets: Record<string, Socket>;
  let incidentId = '';
  const commands = Object.keys(PAYLOADS).sort();

  beforeAll(async () => {
    server = await startServer({ db: kind });
    const [viewer, engineer] = await Promise.all([server.createUser('viewer'), server.createUser('engineer')]);
    const cookie = await signInCookie(server, engineer.email, engineer.password);
    sockets = {
      viewer: await connect(server, { token: viewer.token }),
      engineer: await connect(server, { token: engineer.token }),
      'engineer (session)': await connect(server, { cookie }),
      'display link': await connect(server, { token: await server.createDisplayLink() }),
    };
    incidentId = (
      await api(server, 'POST', '/api/v1/incidents', { token: engineer.token, body: { title: 'Socket fuzz', severity: 'SEV3' } })
    ).body.id;
  }, 120_000);
  afterAll(async () => {
    for (const s of Object.values(sockets ?? {})) s.close();
    await server?.stop();
  });

  /** Argument lists: none, one payload, or the payload with extra arguments before the ack. */
  const argsFor = (event: string) => {
    const payload = fc.oneof(
      { arbitrary: inputsFor(PAYLOADS[event]), weight: 4 },
      // near-valid with the real incident id, so runs reach past "not found"
      {
        arbitrary: inputsFor(PAYLOADS[event]).map((p) =>
          p && typeof p === 'object' && !Array.isArray(p) && 'id' in p ? { ...p, id: incidentId } : p,
        ),
        weight: 2,
      },
      { arbitrary: fc.oneof(nastyString, fc.integer(), fc.constant(null)), weight: 1 },
    );
    return fc.oneof(
      { arbitrary: fc.tuple(payload), weight: 6 },
      { arbitrary: fc.constant([] as unknown[]), weight: 1 },
      { arbitrary: fc.tuple(payload, anyJson), weight: 1 },
      { arbitrary: fc.tuple(payload, anyJson, anyJson), weight: 1 },
    );
  };

  const ack = (s: Socket, event: string, args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`no ack to ${event} in ${ACK_TIMEOUT_MS} ms with ${JSON.stringify(args).slice(0, 200)}`)),
        ACK_TIMEOUT_MS,
      );
      s.emit(event, ...args, (r: unknown) => {
        clearTimeout(t);
        resolve(r);
      });
    });

  it('fuzzes every command of the socket table, and the server listens to exactly those', () => {
    expect(commands).toEqual(expect.arrayContaining(['incident:claim', 'incident:post', 'incidents:subscribe', 'room:join']));
    expect(registeredCommands()).toEqual(commands);
  });

  it(`every command, ${RUNS_PER_EVENT} generated argument lists per command and caller kind: an ack in shape, never internal`, {
    timeout: 120_000,
  }, async () => {
    for (const event of commands) {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...Object.keys(sockets)), argsFor(event), async (who, args) => {
          const s = sockets[who]!;
          const r = (await ack(s, event, args)) as { ok?: unknown; data?: unknown; error?: unknown };
          const what = `${who} ${event} ${JSON.stringify(args).slice(0, 200)} → ${JSON.stringify(r).slice(0, 300)}`;
          if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean') throw new Error(`ack not {ok}: ${what}`);
          if (!r.ok) {
            const e = ZErrorBody.safeParse({ error: r.error });
            if (!e.success) throw new Error(`error not in the error shape: ${what}`);
            if (e.data.error.code === 'internal') throw new Error(`internal error: ${what}`);
          }
          if (!s.connected) throw new Error(`socket dropped: ${what}`);
        }),
        { numRuns: RUNS_PER_EVENT },
      );
    }
  });

  it('unknown events and odd values leave the server up and the socket answering', async () => {
    const s = sockets.engineer!;
    await fc.assert(
      fc.asyncProperty(nastyString, fc.array(anyJson, { maxLength: 3 }), async (name, args) => {
        try {
          s.emit(name || 'x', ...args);
        } catch {
          // reserved names (connect, disconnect …) are refused by the client itself
        }
      }),
      { numRuns: Math.round(100 * SCALE) },
    );
    const r = (await ack(s, 'incidents:subscribe', [{}])) as { ok: boolean };
    expect(r.ok).toBe(true);
    expect((await api(server, 'GET', '/api/v1/health')).status).toBe(200);
  });
});
