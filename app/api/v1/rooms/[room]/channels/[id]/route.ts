import { notificationsApi as E } from '@/lib/api/notifications';
import { endpointRoute } from '@/server/http/route';
import { deleteChannel } from '@/server/services/notify/delete-channel';
import { updateChannel } from '@/server/services/notify/update-channel';

export const dynamic = 'force-dynamic';

/** Changes or pauses a channel (lead+). */
export const PATCH = endpointRoute(E.updateChannel, async ({ rt, actor, params, body }) => {
  const input = await body(16_384);
  return { channel: await updateChannel({ ctx: rt, actor, slug: params.room, id: params.id, input }) };
});

/** Deletes a channel and its delivery log (lead+). */
export const DELETE = endpointRoute(E.removeChannel, async ({ rt, actor, params }) =>
  deleteChannel({ ctx: rt, actor, slug: params.room, id: params.id }),
);
