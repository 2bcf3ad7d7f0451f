import { METRICS } from '@/lib/api/metrics';
import { endpointRoute } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { listLatest } from '@/server/services/metrics/list-latest';
import { resolveRoom } from '@/server/services/rooms/resolve-room';

export const dynamic = 'force-dynamic';

/** The latest value of every series in the room. */
export const GET = endpointRoute(METRICS.latest, async ({ rt, actor, query }) => {
  const room = await resolveRoom({ ctx: rt, slug: query.room });
  assertCan(actor, 'room:read', room.id);
  return { room: room.slug, series: await listLatest({ ctx: rt, roomId: room.id }) };
});
