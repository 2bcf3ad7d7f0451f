import { notificationsApi as E } from '@/lib/api/notifications';
import { endpointRoute } from '@/server/http/route';
import { getChannelHealth } from '@/server/services/notify/channel-health';

export const dynamic = 'force-dynamic';

/** The channels that cannot reach people now (viewer+, or the room's display link). */
export const GET = endpointRoute(E.channelHealth, async ({ rt, actor, params }) => getChannelHealth({ ctx: rt, actor, slug: params.room }));
