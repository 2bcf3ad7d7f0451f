import { ADMIN } from '@/lib/api/admin';
import { endpointRoute } from '@/server/http/route';
import { assertCan, type TRole } from '@/server/services/access/actor';
import { findUser } from '@/server/services/users/find-user';
import { setUserDisabled } from '@/server/services/users/set-user-disabled';
import { setUserRole } from '@/server/services/users/set-user-role';

export const dynamic = 'force-dynamic';

/** Changes a role, or disables / re-enables a person (admin); disabling ends their sessions and sockets. */
export const PATCH = endpointRoute(ADMIN.patchUser, async ({ rt, actor, params, body }) => {
  assertCan(actor, 'admin');
  const { disabled, role } = await body(4 * 1024);
  if (role !== undefined) await setUserRole({ ctx: rt, actor, input: { idOrEmail: params.id, role } });
  if (disabled !== undefined) await setUserDisabled({ ctx: rt, actor, input: { idOrEmail: params.id, disabled } });
  const u = await findUser({ ctx: rt, idOrEmail: params.id });
  return { user: { id: u.id, email: u.email, disabled: u.disabled, role: u.role as TRole } };
});
