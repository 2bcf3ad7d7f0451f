import { pushApi as E } from '@/lib/api/push';
import { endpointRoute } from '@/server/http/route';
import { removePushSubscription } from '@/server/services/push/remove-push-subscription';

export const dynamic = 'force-dynamic';

/** Turns push off for one of the caller's devices. */
export const DELETE = endpointRoute(E.removeSubscription, async ({ rt, actor, params }) =>
  removePushSubscription({ ctx: rt, actor, id: params.id }),
);
