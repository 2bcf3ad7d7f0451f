import { ROOMS } from '@/lib/api/rooms';
import { endpointRoute } from '@/server/http/route';
import { getRoomSettings } from '@/server/services/rooms/get-room-settings';
import { updateRoomSettings } from '@/server/services/rooms/update-room-settings';

export const dynamic = 'force-dynamic';

/** A room's settings, milestones, annotations and safety lines (viewer+, or the room's display link). */
export const GET = endpointRoute(ROOMS.settings, async ({ rt, actor, params }) => getRoomSettings({ ctx: rt, actor, slug: params.room }));

/** Changes name, locale, time zone, go-live time or stale threshold (lead+). */
export const PATCH = endpointRoute(ROOMS.updateSettings, async ({ rt, actor, params, body }) => ({
  room: await updateRoomSettings({ ctx: rt, actor, slug: params.room, input: await body() }),
}));
