import { rulesApi } from '@/lib/api/rules';
import { endpointRoute } from '@/server/http/route';
import { deleteRule } from '@/server/services/signals/delete-rule';
import { updateRule } from '@/server/services/signals/update-rule';

export const dynamic = 'force-dynamic';

/** Changes an alert rule (lead+). */
export const PATCH = endpointRoute(rulesApi.update, async ({ rt, actor, params, body }) => {
  const input = await body(16_384);
  return { rule: await updateRule({ ctx: rt, actor, slug: params.room, id: params.id, input }) };
});

/** Deletes an alert rule (lead+); an incident it opened stays. */
export const DELETE = endpointRoute(rulesApi.remove, async ({ rt, actor, params }) =>
  deleteRule({ ctx: rt, actor, slug: params.room, id: params.id }),
);
