import { ADMIN } from '@/lib/api/admin';
import { endpointRoute } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { issueCredential } from '@/server/services/access/issue-credential';
import { listCredentials } from '@/server/services/access/list-credentials';

export const dynamic = 'force-dynamic';

/** Tokens, ingest keys and display links with last use; never their secrets (admin). */
export const GET = endpointRoute(ADMIN.credentials, async ({ rt, actor, query }) => {
  assertCan(actor, 'admin');
  return { credentials: await listCredentials({ ctx: rt, actor, input: { kind: query.kind, includeRevoked: query.all === '1' } }) };
});

/** Issues a credential; the answer carries its secret, the only time it is shown (admin). */
export const POST = endpointRoute(ADMIN.issueCredential, async ({ rt, actor, body }) => {
  assertCan(actor, 'admin');
  const c = await issueCredential({ ctx: rt, actor, input: await body(4 * 1024) });
  return {
    credential: { id: c.id, kind: c.kind, prefix: c.prefix, roomId: c.roomId, userId: c.userId },
    secret: c.secret,
    ...(c.url ? { url: c.url } : {}),
  };
});
