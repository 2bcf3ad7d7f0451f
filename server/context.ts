import type { TConfig } from './config';
import type { Db, TDatabase } from './db/client';
import type { SampleStore } from './db/sample-store';
import type { TBus } from './events/bus';
import type { TActor } from './services/access/actor';

/** What every service needs from the running process. */
export interface TServiceContext {
  prisma: Db;
  samples: SampleStore;
  database: TDatabase;
  bus: TBus;
  config: TConfig;
  /** resolves a browser session cookie to an actor; set by the auth module */
  resolveSession?: (headers: Headers) => Promise<TActor | null>;
  /** creates a user with a password through the auth library; set by the auth module */
  setPassword?: (u: {
    email: string;
    name: string;
    role: string;
    password: string;
  }) => Promise<{ id: string; email: string; role: string }>;
  /** hashes a password the way the auth library checks it; set by the auth module */
  hashPassword?: (password: string) => Promise<string>;
}

export interface TRuntime extends TServiceContext {
  /** Better Auth instance, set once the process has built it */
  auth?: unknown;
}

const KEY = Symbol.for('warroom.runtime');

/**
 * Next bundles route handlers into its own module graph, separate from the
 * one tsx loads for server/index.ts. The server builds one runtime (one
 * database pool, one event bus) and leaves it on globalThis; route handlers
 * and server components reach it here instead of opening their own.
 */
export function setRuntime(rt: TRuntime | undefined): void {
  (globalThis as Record<symbol, unknown>)[KEY] = rt;
}

export function getRuntime(): TRuntime {
  const rt = (globalThis as Record<symbol, unknown>)[KEY] as TRuntime | undefined;
  if (!rt) throw new Error('Warroom runtime not started: run the app through server/index.ts (npm start / npm run dev)');
  return rt;
}
