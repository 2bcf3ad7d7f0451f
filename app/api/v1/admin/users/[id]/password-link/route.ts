import { ADMIN } from '@/lib/api/admin';
import { endpointRoute } from '@/server/http/route';
import { createPasswordLink } from '@/server/services/users/create-password-link';

export const dynamic = 'force-dynamic';

/** A one-time link where the person chooses a new password (admin). */
export const POST = endpointRoute(ADMIN.passwordLink, async ({ rt, actor, params }) =>
  createPasswordLink({ ctx: rt, actor, input: { idOrEmail: params.id } }),
);
