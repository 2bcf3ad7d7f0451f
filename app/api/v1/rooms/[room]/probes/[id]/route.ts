import { probesApi } from '@/lib/api/probes';
import { json, parseWith, readJson, route } from '@/server/http/route';
import { deleteProbe, updateProbe } from '@/server/services/signals/manage-probes';

export const dynamic = 'force-dynamic';

/** Changes or pauses a probe (lead+). */
export const PATCH = route<{ room: string; id: string }>(async (req, { rt, actor, params }) => {
  const { room, id } = parseWith(probesApi.update.params, params, 'path');
  const input = parseWith(probesApi.update.body, await readJson(req, 16_384));
  return json({ probe: await updateProbe({ ctx: rt, actor, slug: room, id, input }) });
});

/** Deletes a probe (lead+); an incident it opened stays. */
export const DELETE = route<{ room: string; id: string }>(async (_req, { rt, actor, params }) => {
  const { room, id } = parseWith(probesApi.remove.params, params, 'path');
  return json(await deleteProbe({ ctx: rt, actor, slug: room, id }));
});
