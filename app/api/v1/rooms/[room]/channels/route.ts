import { notificationsApi as E } from '@/lib/api/notifications';
import { endpointRoute } from '@/server/http/route';
import { createChannel } from '@/server/services/notify/create-channel';
import { listChannels } from '@/server/services/notify/list-channels';

export const dynamic = 'force-dynamic';

/** The room's notification channels with their health, never their secrets (lead+). */
export const GET = endpointRoute(E.listChannels, async ({ rt, actor, params }) => ({
  channels: await listChannels({ ctx: rt, actor, slug: params.room }),
}));

/** Adds a channel (lead+). */
export const POST = endpointRoute(E.createChannel, async ({ rt, actor, params, body }) => {
  const input = await body(16_384);
  return { channel: await createChannel({ ctx: rt, actor, slug: params.room, input }) };
});
