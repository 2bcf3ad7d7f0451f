/**
 * Boots the real Warroom server (production build, real database) in a child
 * process on a free port, on a throwaway SQLite file or a throwaway
 * PostgreSQL database it creates, and seeds people and keys through the
 * same services the CLI uses.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { SERVER_NODE_FLAGS } from '../../scripts/server-node-flags';
import { builtServer } from '../../scripts/build-if-needed';
import { loadConfig } from '../../server/config';
import { openDatabase, type TDatabase } from '../../server/db/client';
import { createBus } from '../../server/events/bus';
import type { TServiceContext } from '../../server/context';
import { createCredential } from '../../server/services/access/create-credential';
import type { TRole } from '../../server/services/access/actor';
import { mountAuth } from '../../server/auth/mount-auth';
import { hashPassword } from 'better-auth/crypto';

export type TDbKind = 'sqlite' | 'postgres';

/** The databases every integration file runs on: both, or the one WARROOM_TEST_DB names. The only copy of this list. */
export const DB_KINDS: TDbKind[] =
  process.env.WARROOM_TEST_DB === 'sqlite'
    ? ['sqlite']
    : process.env.WARROOM_TEST_DB === 'postgres'
      ? ['postgres']
      : ['sqlite', 'postgres'];

/** Admin connection used to create and drop throwaway databases. */
export const PG_ADMIN_URL = process.env.WARROOM_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TTestServer {
  url: string;
  port: number;
  databaseUrl: string;
  proc: ChildProcess;
  /** services on a second connection to the same database, for seeding and for checking what was stored */
  ctx: TServiceContext;
  logs(): string;
  createIngestKey(roomSlug?: string): Promise<string>;
  /** a person with a role and a personal token acting as them */
  createUser(role: TRole, name?: string): Promise<{ id: string; email: string; name: string; token: string; password: string }>;
  createDisplayLink(roomSlug?: string): Promise<string>;
  /** stops the process (SIGTERM), keeps the database */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** starts the process again on the same database and port */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The password of every person createUser seeds in this test process, hashed once: the library's
 * scrypt costs ~150 ms of CPU a hash on the 2-core machine, and a run seeds hundreds of people. The
 * server still verifies each sign-in with the real scrypt; any other password is hashed as usual.
 */
const SEED_PASSWORD = `pw-${randomBytes(6).toString('hex')}`;
let seedHashed: Promise<string> | null = null;
function seedHash(password: string): Promise<string> {
  if (password !== SEED_PASSWORD) return hashPassword(password);
  seedHashed ??= hashPassword(password);
  return seedHashed;
}

export async function createThrowawayDatabase(kind: TDbKind): Promise<{ url: string; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'warroom-test-'));
    return { url: `file:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `warroom_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function spawnServer(
  env: Record<string, string | undefined>,
  nodeFlags: string[] = [],
): Promise<{ proc: ChildProcess; port: number; out: string[] }> {
  const out: string[] = [];
  // The compiled server that `npm start` runs (scripts/build-server.ts); the sources under tsx only
  // when no build is there (a bench or test run before any build).
  const bundle = builtServer();
  const entry = existsSync(bundle) ? [bundle] : ['--import', 'tsx', 'server/index.ts'];
  const proc = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeFlags, ...entry], {
    cwd: process.cwd(),
    // WARROOM_CHECK_ANSWERS: every JSON answer is parsed against its strict contract (a leaked field is a 500)
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      WARROOM_CHECK_ANSWERS: '1',
      WARROOM_EXIT_WITH_PARENT: '1',
      ...env,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${out.join('')}`)), 60_000);
    const onData = (chunk: Buffer) => {
      const s = chunk.toString();
      out.push(s);
      const m = /warroom ready on http:\/\/localhost:(\d+)/.exec(out.join(''));
      if (m) {
        clearTimeout(timer);
        resolve({ proc, port: Number(m[1]), out });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (c: Buffer) => out.push(c.toString()));
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${out.join('')}`));
    });
  });
}

export async function startServer(
  opts: {
    db?: TDbKind;
    env?: Record<string, string | undefined>;
    /** share another server's database (not dropped on stop) */ databaseUrl?: string;
    /** extra node flags for the server process (bench: --cpu-prof) */ nodeFlags?: string[];
  } = {},
): Promise<TTestServer> {
  const kind = opts.db ?? (process.env.WARROOM_TEST_DB === 'postgres' ? 'postgres' : 'sqlite');
  const throwaway = opts.databaseUrl ? { url: opts.databaseUrl, drop: async () => {} } : await createThrowawayDatabase(kind);
  const env: Record<string, string | undefined> = { PORT: '0', DATABASE_URL: throwaway.url, ...opts.env };
  let { proc, port, out } = await spawnServer(env, opts.nodeFlags);
  // The server migrated the database; this second connection only reads and seeds.
  const database: TDatabase = await openDatabase(throwaway.url, { migrate: false });
  const ctx: TServiceContext = {
    prisma: database.prisma,
    samples: database.samples,
    database,
    bus: createBus(),
    config: loadConfig({ DATABASE_URL: throwaway.url }),
  };
  // The same auth wiring as the server, so createUser's password signs in (hashed by the library).
  // Only hashing is used here: the random secret never signs a cookie the server reads.
  await mountAuth(ctx, { secret: randomBytes(32).toString('hex'), hashPassword: seedHash });
  const roomId = async (slug?: string) => (slug ? (await ctx.prisma.room.findUniqueOrThrow({ where: { slug } })).id : null);
  let users = 0;

  const server: TTestServer = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    databaseUrl: throwaway.url,
    get proc() {
      return proc;
    },
    ctx,
    logs: () => out.join(''),
    async createIngestKey(slug) {
      return (await createCredential({ ctx, kind: 'ingest', roomId: await roomId(slug) })).secret;
    },
    async createDisplayLink(slug) {
      const id = (await roomId(slug)) ?? (await ctx.prisma.room.findFirstOrThrow({ where: { isDefault: true } })).id;
      return (await createCredential({ ctx, kind: 'display', roomId: id })).secret;
    },
    async createUser(role, name) {
      users++;
      const email = `${role}${users}-${randomBytes(3).toString('hex')}@test.warroom`;
      const display = name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${users}`;
      const password = SEED_PASSWORD;
      const { createUser } = await import('../../server/services/users/create-user');
      // With the auth module in ctx (setPassword), the password works for sign-in too.
      const u = await createUser({ ctx, input: { email, name: display, role, password } });
      const token = (await createCredential({ ctx, kind: 'token', userId: u.id })).secret;
      return { id: u.id, email, name: display, token, password };
    },
    async kill(signal = 'SIGTERM') {
      // A process killed by a signal has signalCode set and exitCode null.
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      await new Promise<void>((r) => {
        // A server that hangs in its shutdown is killed outright after 15 s: a test never waits forever.
        const force = setTimeout(() => proc.kill('SIGKILL'), 15_000);
        proc.once('exit', () => {
          clearTimeout(force);
          r();
        });
        proc.kill(signal);
      });
    },
    async restart() {
      await server.kill();
      ({ proc, out } = await spawnServer({ ...env, PORT: String(port) }, opts.nodeFlags));
    },
    async stop() {
      await server.kill();
      await database.close();
      await throwaway.drop();
    },
  };
  return server;
}

/** JSON fetch against the test server with an optional bearer. */
export async function api(
  server: TTestServer,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const res = await fetch(server.url + path, {
    method,
    headers: {
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON a route answered
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, body, headers: res.headers };
}
