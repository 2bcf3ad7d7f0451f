import { probesApi } from '@/lib/api/probes';
import { endpointRoute } from '@/server/http/route';
import { deleteProbe } from '@/server/services/signals/delete-probe';
import { updateProbe } from '@/server/services/signals/update-probe';

export const dynamic = 'force-dynamic';

/** Changes or pauses a probe (lead+). */
export const PATCH = endpointRoute(probesApi.update, async ({ rt, actor, params, body }) => {
  const input = await body(16_384);
  return { probe: await updateProbe({ ctx: rt, actor, slug: params.room, id: params.id, input }) };
});

/** Deletes a probe (lead+); an incident it opened stays. */
export const DELETE = endpointRoute(probesApi.remove, async ({ rt, actor, params }) =>
  deleteProbe({ ctx: rt, actor, slug: params.room, id: params.id }),
);
