import { notificationsApi as E } from '@/lib/api/notifications';
import { endpointRoute } from '@/server/http/route';
import { testChannel } from '@/server/services/notify/test-channel';

export const dynamic = 'force-dynamic';

/** Sends a test message now and answers its delivery with the outcome (lead+). */
export const POST = endpointRoute(E.testChannel, async ({ rt, actor, params }) => ({
  delivery: await testChannel({ ctx: rt, actor, slug: params.room, id: params.id }),
}));
