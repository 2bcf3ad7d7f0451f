import { rulesApi } from '@/lib/api/rules';
import { json, parseWith, readJson, route } from '@/server/http/route';
import { deleteRule, updateRule } from '@/server/services/signals/manage-rules';

export const dynamic = 'force-dynamic';

/** Changes an alert rule (lead+). */
export const PATCH = route<{ room: string; id: string }>(async (req, { rt, actor, params }) => {
  const { room, id } = parseWith(rulesApi.update.params, params, 'path');
  const input = parseWith(rulesApi.update.body, await readJson(req, 16_384));
  return json({ rule: await updateRule({ ctx: rt, actor, slug: room, id, input }) });
});

/** Deletes an alert rule (lead+); an incident it opened stays. */
export const DELETE = route<{ room: string; id: string }>(async (_req, { rt, actor, params }) => {
  const { room, id } = parseWith(rulesApi.remove.params, params, 'path');
  return json(await deleteRule({ ctx: rt, actor, slug: room, id }));
});
