import { STATUS } from '@/lib/api/status';
import { CLIENT_IP_HEADER } from '@/server/auth/constants';
import { endpointRoute } from '@/server/http/route';
import { subscribeStatus } from '@/server/services/status/subscribe-status';

export const dynamic = 'force-dynamic';

/** A visitor subscribes by email (anyone): 202, a confirmation message is on its way (double opt-in). */
export const POST = endpointRoute(
  STATUS.subscribe,
  async ({ rt, req, params, body }) => {
    const input = await body();
    await subscribeStatus({ ctx: rt, slug: params.room, client: req.headers.get(CLIENT_IP_HEADER) ?? 'unknown', input });
    return { accepted: true as const };
  },
  { anonymous: true },
);
