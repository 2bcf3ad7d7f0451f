import { ADMIN } from '@/lib/api/admin';
import { endpointRoute } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { setUserDisabled } from '@/server/services/users/set-user-disabled';

export const dynamic = 'force-dynamic';

/** Disables or re-enables a person (admin); disabling ends their sessions and sockets. */
export const PATCH = endpointRoute(ADMIN.patchUser, async ({ rt, actor, params, body }) => {
  assertCan(actor, 'admin');
  const { disabled } = await body(4 * 1024);
  return { user: await setUserDisabled({ ctx: rt, actor, input: { idOrEmail: params.id, disabled } }) };
});
