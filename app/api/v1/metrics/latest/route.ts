import { ZLatestQuery } from '@/lib/schemas/metrics';
import { json, parseWith, queryOf, route } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { listLatest } from '@/server/services/metrics/list-latest';
import { resolveRoom } from '@/server/services/rooms/resolve-room';

export const dynamic = 'force-dynamic';

/** The latest value of every series in the room. */
export const GET = route(async (req, { rt, actor }) => {
  const { room: slug } = parseWith(ZLatestQuery, queryOf(req), 'query');
  const room = await resolveRoom({ ctx: rt, slug });
  assertCan(actor, 'room:read', room.id);
  return json({ room: room.slug, series: await listLatest({ ctx: rt, roomId: room.id }) });
});
