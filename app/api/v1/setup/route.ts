import { SETUP } from '@/lib/api/setup';
import { endpointRoute } from '@/server/http/route';
import { createFirstAdmin } from '@/server/services/users/create-first-admin';

export const dynamic = 'force-dynamic';

/** The first admin of a new install; refused once anyone exists. */
export const POST = endpointRoute(SETUP.setup, async ({ rt, body }) => {
  const u = await createFirstAdmin({ ctx: rt, input: await body() });
  return { user: { id: u.id, email: u.email, role: 'admin' as const } };
});
