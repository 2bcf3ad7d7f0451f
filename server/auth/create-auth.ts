import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import type { TServiceContext } from '../context';
import { ROLES, type TActor, type TRole } from '../services/access/actor';
import { resolveAuthSecret } from './secret';
import { LoginLimiter, type TLoginLimiter } from './login-limiter';
import { RedisLoginLimiter } from './redis-login-limiter';
import { AUTH_BASE_PATH, CLIENT_IP_HEADER } from './constants';

/** Sessions last a week and slide forward daily while used. */
const SESSION_SECONDS = 7 * 24 * 3600;

/** The request's own origin, from the Host header the browser sent it to. */
function requestOrigin(headers: Headers, secure: boolean): string | null {
  const host = headers.get('host');
  return host ? `${secure ? 'https' : 'http'}://${host}` : null;
}

function buildBetterAuth(ctx: TServiceContext, opts: { secret?: string } = {}) {
  const { config } = ctx;
  const secure = config.publicUrl.startsWith('https://');
  return betterAuth({
    appName: 'Warroom',
    baseURL: config.publicUrl,
    basePath: AUTH_BASE_PATH,
    secret: opts.secret ?? resolveAuthSecret(config.WARROOM_SECRET),
    database: prismaAdapter(ctx.prisma, { provider: ctx.database.provider === 'postgresql' ? 'postgresql' : 'sqlite' }),
    // Admins add people (CLI, admin page); nobody signs themselves up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 200 },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'viewer', input: false },
        disabled: { type: 'boolean', required: false, defaultValue: false, input: false },
      },
    },
    // Every request reads the session row, so disabling a user or signing out takes effect at once.
    session: { expiresIn: SESSION_SECONDS, updateAge: 24 * 3600, cookieCache: { enabled: false } },
    // Same-origin requests pass Better Auth's Origin check however the server is reached
    // (LAN address, localhost, a test's ephemeral port); other origins do not.
    trustedOrigins: (request) => {
      const own = request ? requestOrigin(request.headers, secure) : null;
      return [config.publicUrl, own];
    },
    // The library's own per-address limiter stays on as a backstop; the clear
    // per-account and per-address messages come from LoginLimiter in the route.
    rateLimit: { enabled: true, window: 60, max: 300, customRules: { '/sign-in/email': { window: 60, max: 100 } } },
    advanced: {
      useSecureCookies: secure,
      cookiePrefix: 'warroom',
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    telemetry: { enabled: false },
  });
}

type TBetterAuth = ReturnType<typeof buildBetterAuth>;

export interface TAuthWiring {
  auth: TBetterAuth;
  limiter: TLoginLimiter;
  resolveSession(headers: Headers): Promise<TActor | null>;
  setPassword(u: { email: string; name: string; role: string; password: string }): Promise<{ id: string; email: string; role: string }>;
  hashPassword(password: string): Promise<string>;
}

/**
 * Better Auth on the runtime's Prisma client, plus the two hooks services use:
 * session cookie → actor (role from the User row, disabled → nobody), and
 * creating a user whose password is hashed by the library.
 */
export function createAuthWiring(
  ctx: TServiceContext,
  opts: {
    secret?: string;
    /** hashes passwords for people created here (the library's scrypt unless given: test seeding reuses one hash) */
    hashPassword?: (password: string) => Promise<string>;
  } = {},
): TAuthWiring {
  const auth = buildBetterAuth(ctx, opts);
  const hash = opts.hashPassword ?? (async (password: string) => (await auth.$context).password.hash(password));
  return {
    auth,
    // Several processes share one install through Redis: their failed sign-ins are counted together.
    limiter: ctx.config.REDIS_URL ? new RedisLoginLimiter(ctx.config.REDIS_URL, ctx.config.DATABASE_URL) : new LoginLimiter(),
    async resolveSession(headers) {
      const found = await auth.api.getSession({ headers }).catch(() => null);
      if (!found) return null;
      // Re-read the row: role and disabled are ours, and a change must apply to the next request.
      const u = await ctx.prisma.user.findUnique({ where: { id: found.user.id } });
      if (!u || u.disabled) return null;
      const role = (ROLES as readonly string[]).includes(u.role) ? (u.role as TRole) : 'viewer';
      return { kind: 'user', userId: u.id, name: u.name, email: u.email, role, via: 'session', sessionId: found.session.id };
    },
    hashPassword: hash,
    async setPassword(u) {
      const hashed = await hash(u.password);
      return ctx.prisma.$transaction(async (tx) => {
        const user = await tx.user.create({ data: { email: u.email.toLowerCase(), name: u.name, role: u.role, emailVerified: true } });
        await tx.account.create({ data: { userId: user.id, accountId: user.id, providerId: 'credential', password: hashed } });
        return { id: user.id, email: user.email, role: user.role };
      });
    },
  };
}
