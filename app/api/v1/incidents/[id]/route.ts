import { ZRoomQuery } from '@/lib/schemas/incidents';
import { json, parseWith, queryOf, route } from '@/server/http/route';
import { getIncident } from '@/server/services/incidents/get-incident';

export const dynamic = 'force-dynamic';

/** One incident with its timeline. :id is its id, or its number in ?room= (default room). */
export const GET = route<{ id: string }>(async (req, { rt, actor, params }) => {
  const { room } = parseWith(ZRoomQuery, queryOf(req), 'query');
  return json(await getIncident({ ctx: rt, actor, ref: params.id, room }));
});
