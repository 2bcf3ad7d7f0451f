import { ZCredentialQuery, ZNewCredential } from '@/lib/schemas/access';
import { json, parseWith, queryOf, readJson, route } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { issueCredential } from '@/server/services/access/issue-credential';
import { listCredentials } from '@/server/services/access/list-credentials';

export const dynamic = 'force-dynamic';

/** Tokens, ingest keys and display links with last use; never their secrets (admin). */
export const GET = route(async (req, { rt, actor }) => {
  assertCan(actor, 'admin');
  const q = parseWith(ZCredentialQuery, queryOf(req), 'query');
  return json({ credentials: await listCredentials({ ctx: rt, actor, input: { kind: q.kind, includeRevoked: q.all === '1' } }) });
});

/** Issues a credential; the answer carries its secret, the only time it is shown (admin). */
export const POST = route(async (req, { rt, actor }) => {
  assertCan(actor, 'admin');
  const input = parseWith(ZNewCredential, await readJson(req, 4 * 1024));
  const c = await issueCredential({ ctx: rt, actor, input });
  return json({ credential: { id: c.id, kind: c.kind, prefix: c.prefix, roomId: c.roomId, userId: c.userId }, secret: c.secret, ...(c.url ? { url: c.url } : {}) }, 201);
});
