import { ZUserPatch } from '@/lib/schemas/access';
import { json, parseWith, readJson, route } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { setUserDisabled } from '@/server/services/users/set-user-disabled';

export const dynamic = 'force-dynamic';

/** Disables or re-enables a person (admin); disabling ends their sessions and sockets. */
export const PATCH = route<{ id: string }>(async (req, { rt, actor, params }) => {
  assertCan(actor, 'admin');
  const { disabled } = parseWith(ZUserPatch, await readJson(req, 4 * 1024));
  return json({ user: await setUserDisabled({ ctx: rt, actor, input: { idOrEmail: params.id, disabled } }) });
});
