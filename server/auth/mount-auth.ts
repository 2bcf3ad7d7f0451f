import type { TRuntime } from '../context';
import { createUser } from '../services/users/create-user';
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
  if (opts.firstAdmin && email && password && (await rt.prisma.user.count()) === 0) {
    try {
      await createUser({ ctx: rt, input: { email: email.toLowerCase(), name: 'Admin', role: 'admin', password } });
      console.log(`created the first admin, ${email}`);
    } catch (err) {
      // Another process starting at the same moment may have created it first.
      if ((await rt.prisma.user.count()) === 0) throw err;
    }
  }
  return wiring;
}
