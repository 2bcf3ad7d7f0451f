import { STATUS } from '@/lib/api/status';
import { endpointRoute } from '@/server/http/route';
import { getStatusAdmin } from '@/server/services/status/get-status-admin';

export const dynamic = 'force-dynamic';

/** The room's status page as its leads manage it (viewer+). */
export const GET = endpointRoute(STATUS.admin, async ({ rt, actor, params }) => getStatusAdmin({ ctx: rt, actor, slug: params.room }));
