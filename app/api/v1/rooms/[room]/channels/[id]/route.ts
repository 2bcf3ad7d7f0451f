import { notificationsApi as E } from '@/lib/api/notifications';
import { json, parseWith, readJson, route } from '@/server/http/route';
import { deleteChannel, updateChannel } from '@/server/services/notify/manage-channels';

export const dynamic = 'force-dynamic';

/** Changes or pauses a channel (lead+). */
export const PATCH = route<{ room: string; id: string }>(async (req, { rt, actor, params }) => {
  const { room, id } = parseWith(E.updateChannel.params, params, 'path');
  const input = parseWith(E.updateChannel.body, await readJson(req, 16_384));
  return json({ channel: await updateChannel({ ctx: rt, actor, slug: room, id, input }) });
});

/** Deletes a channel and its delivery log (lead+). */
export const DELETE = route<{ room: string; id: string }>(async (_req, { rt, actor, params }) => {
  const { room, id } = parseWith(E.removeChannel.params, params, 'path');
  return json(await deleteChannel({ ctx: rt, actor, slug: room, id }));
});
