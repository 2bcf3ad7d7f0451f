import { ADMIN } from '@/lib/api/admin';
import { endpointRoute } from '@/server/http/route';
import { assertCan, type TRole } from '@/server/services/access/actor';
import { createUser } from '@/server/services/users/create-user';
import { listUsers } from '@/server/services/users/list-users';

export const dynamic = 'force-dynamic';

/** Everyone with an account (admin). */
export const GET = endpointRoute(ADMIN.users, async ({ rt, actor }) => ({ users: await listUsers({ ctx: rt, actor }) }));

/** Adds a person (admin); the password is hashed by the auth library. */
export const POST = endpointRoute(ADMIN.addUser, async ({ rt, actor, body }) => {
  assertCan(actor, 'admin');
  const u = await createUser({ ctx: rt, input: await body() });
  return { user: { id: u.id, email: u.email, role: u.role as TRole } };
});
