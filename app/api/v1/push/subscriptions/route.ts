import { pushApi as E } from '@/lib/api/push';
import { endpointRoute } from '@/server/http/route';
import { savePushSubscription } from '@/server/services/push/save-push-subscription';

export const dynamic = 'force-dynamic';

/** Saves this browser's push subscription for the caller, with its rooms and least severity (a signed-in person). */
export const POST = endpointRoute(E.saveSubscription, async ({ rt, actor, body }) => ({
  subscription: await savePushSubscription({ ctx: rt, actor, input: await body(8192) }),
}));
