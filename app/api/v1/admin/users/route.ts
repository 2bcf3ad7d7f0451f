import { ZNewUser } from '@/lib/schemas/users';
import { json, parseWith, readJson, route } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { createUser } from '@/server/services/users/create-user';
import { listUsers } from '@/server/services/users/list-users';

export const dynamic = 'force-dynamic';

/** Everyone with an account (admin). */
export const GET = route(async (_req, { rt, actor }) => json({ users: await listUsers({ ctx: rt, actor }) }));

/** Adds a person (admin); the password is hashed by the auth library. */
export const POST = route(async (req, { rt, actor }) => {
  assertCan(actor, 'admin');
  const input = parseWith(ZNewUser, await readJson(req, 16 * 1024));
  const u = await createUser({ ctx: rt, input });
  return json({ user: { id: u.id, email: u.email, role: u.role } }, 201);
});
