import { notificationsApi as E } from '@/lib/api/notifications';
import { endpointRoute } from '@/server/http/route';
import { retryDelivery } from '@/server/services/notify/retry-delivery';

export const dynamic = 'force-dynamic';

/** A dead delivery goes back to pending (lead+). */
export const POST = endpointRoute(E.retryDelivery, async ({ rt, actor, params }) => ({
  delivery: await retryDelivery({ ctx: rt, actor, slug: params.room, id: params.id }),
}));
