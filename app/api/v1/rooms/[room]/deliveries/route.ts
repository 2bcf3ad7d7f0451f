import { notificationsApi as E } from '@/lib/api/notifications';
import { endpointRoute } from '@/server/http/route';
import { listDeliveries } from '@/server/services/notify/list-deliveries';

export const dynamic = 'force-dynamic';

/** The delivery log, newest first (lead+). */
export const GET = endpointRoute(E.listDeliveries, async ({ rt, actor, params, query }) => ({
  deliveries: await listDeliveries({ ctx: rt, actor, slug: params.room, query }),
}));
