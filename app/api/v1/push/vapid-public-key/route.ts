import { pushApi as E } from '@/lib/api/push';
import { endpointRoute } from '@/server/http/route';
import { vapidPublicKey } from '@/server/services/push/vapid-public-key';

export const dynamic = 'force-dynamic';

/** The install's VAPID public key, for PushManager.subscribe() (a signed-in person). */
export const GET = endpointRoute(E.vapidPublicKey, async ({ actor }) => vapidPublicKey({ actor }));
