import { loadConfig, type TConfig } from './config';
import { openDatabase } from './db/client';
import { createBus } from './events/bus';
import type { TRuntime } from './context';
import { ensureDefaultRoom } from './services/rooms/ensure-default-room';
import { mountAuth } from './auth/mount-auth';

/**
 * Builds the process's runtime: validated config, migrated database, event bus,
 * default room. Everything the HTTP routes, sockets and CLI share.
 */
export async function bootstrap(
  opts: { env?: Record<string, string | undefined>; config?: TConfig } = {},
): Promise<TRuntime & { close(): Promise<void> }> {
  const config = opts.config ?? loadConfig(opts.env);
  const database = await openDatabase(config.DATABASE_URL);
  const runtime: TRuntime = {
    config,
    database,
    prisma: database.prisma,
    samples: database.samples,
    bus: createBus(),
  };
  await ensureDefaultRoom({ ctx: runtime });
  // Accounts and sessions (Better Auth); creates the first admin from the environment if there is no user.
  await mountAuth(runtime, { firstAdmin: true });
  return {
    ...runtime,
    async close() {
      await database.close();
    },
  };
}
