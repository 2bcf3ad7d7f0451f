import type { TRuntime } from '../context';
import type { TAuthWiring } from './create-auth';

/**
 * The auth wiring mountAuth left on the runtime. Next's route handlers reach
 * it here, through the runtime, so Next never bundles the auth library (or
 * its file access) itself.
 */
export function authOf(rt: TRuntime): TAuthWiring {
  if (!rt.auth) throw new Error('auth is not mounted on this runtime');
  return rt.auth as TAuthWiring;
}
