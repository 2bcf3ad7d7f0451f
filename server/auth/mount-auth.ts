import type { TRuntime } from '../context';
import { AppError } from '../errors';
import { createFirstAdmin } from '../services/users/create-first-admin';
import { needsSetup } from '../services/users/needs-setup';
import { createAuthWiring, type TAuthWiring } from './create-auth';

/**
 * Puts the auth library into a runtime: runtime.auth for the /api/auth route,
 * resolveSession and setPassword for services. With `firstAdmin`, creates
 * WARROOM_ADMIN_EMAIL as admin when the install has no user yet.
 */
export async function mountAuth(
  rt: TRuntime,
  opts: { firstAdmin?: boolean; secret?: string; hashPassword?: (password: string) => Promise<string> } = {},
): Promise<TAuthWiring> {
  const wiring = createAuthWiring(rt, { secret: opts.secret, hashPassword: opts.hashPassword });
  rt.auth = wiring;
  rt.resolveSession = wiring.resolveSession;
  rt.setPassword = wiring.setPassword;
  rt.hashPassword = wiring.hashPassword;
  const { WARROOM_ADMIN_EMAIL: email, WARROOM_ADMIN_PASSWORD: password } = rt.config;
  if (opts.firstAdmin && email && password && (await needsSetup({ ctx: rt }))) {
    try {
      await createFirstAdmin({ ctx: rt, input: { email: email.toLowerCase(), name: 'Admin', password } });
      console.log(`created the first admin, ${email}`);
    } catch (err) {
      // Another process starting at the same moment, or a visitor of /setup, was first: the install has its admin.
      if (!(err instanceof AppError && err.code === 'conflict')) throw err;
    }
  }
  return wiring;
}
