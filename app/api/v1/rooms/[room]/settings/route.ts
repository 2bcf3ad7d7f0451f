import { ZRoomParams, ZRoomSettingsPatch } from '@/lib/schemas/rooms';
import { json, parseWith, readJson, route } from '@/server/http/route';
import { getRoomSettings } from '@/server/services/rooms/get-room-settings';
import { updateRoomSettings } from '@/server/services/rooms/update-room-settings';

export const dynamic = 'force-dynamic';

/** A room's settings, milestones, annotations and safety lines (viewer+, or the room's display link). */
export const GET = route<{ room: string }>(async (_req, { rt, actor, params }) => {
  const { room } = parseWith(ZRoomParams, params, 'path');
  return json(await getRoomSettings({ ctx: rt, actor, slug: room }));
});

/** Changes name, locale, time zone, go-live time or stale threshold (lead+). */
export const PATCH = route<{ room: string }>(async (req, { rt, actor, params }) => {
  const { room } = parseWith(ZRoomParams, params, 'path');
  const input = parseWith(ZRoomSettingsPatch, await readJson(req, 16_384));
  return json({ room: await updateRoomSettings({ ctx: rt, actor, slug: room, input }) });
});
