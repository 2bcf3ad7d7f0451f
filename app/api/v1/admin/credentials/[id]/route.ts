import { json, route } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { revokeCredential } from '@/server/services/access/revoke-credential';

export const dynamic = 'force-dynamic';

/** Revokes a credential (admin); sockets using it close within seconds. */
export const DELETE = route<{ id: string }>(async (_req, { rt, actor, params }) => {
  assertCan(actor, 'admin');
  return json({ credential: await revokeCredential({ ctx: rt, actor, input: { idOrPrefix: params.id } }) });
});
