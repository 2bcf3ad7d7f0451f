import { ADMIN } from '@/lib/api/admin';
import { endpointRoute } from '@/server/http/route';
import { unlockUser } from '@/server/services/users/unlock-user';

export const dynamic = 'force-dynamic';

/** Clears the sign-in lockout of that account (admin). */
export const POST = endpointRoute(ADMIN.unlockUser, async ({ rt, actor, params }) =>
  unlockUser({ ctx: rt, actor, input: { idOrEmail: params.id } }),
);
