import { ADMIN } from '@/lib/api/admin';
import { endpointRoute } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { revokeCredential } from '@/server/services/access/revoke-credential';

export const dynamic = 'force-dynamic';

/** Revokes a credential (admin); sockets using it close within seconds. */
export const DELETE = endpointRoute(ADMIN.revokeCredential, async ({ rt, actor, params }) => {
  assertCan(actor, 'admin');
  return { credential: await revokeCredential({ ctx: rt, actor, input: { idOrPrefix: params.id } }) };
});
