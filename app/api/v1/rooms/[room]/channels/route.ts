import { notificationsApi as E } from '@/lib/api/notifications';
import { json, parseWith, readJson, route } from '@/server/http/route';
import { createChannel, listChannels } from '@/server/services/notify/manage-channels';

export const dynamic = 'force-dynamic';

/** The room's notification channels with their health, never their secrets (lead+). */
export const GET = route<{ room: string }>(async (_req, { rt, actor, params }) => {
  const { room } = parseWith(E.listChannels.params, params, 'path');
  return json({ channels: await listChannels({ ctx: rt, actor, slug: room }) });
});

/** Adds a channel (lead+). */
export const POST = route<{ room: string }>(async (req, { rt, actor, params }) => {
  const { room } = parseWith(E.createChannel.params, params, 'path');
  const input = parseWith(E.createChannel.body, await readJson(req, 16_384));
  return json({ channel: await createChannel({ ctx: rt, actor, slug: room, input }) }, 201);
});
