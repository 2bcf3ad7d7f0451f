import { STATUS } from '@/lib/api/status';
import { endpointRoute } from '@/server/http/route';
import { subscriberLinkAnswer } from '@/server/http/subscriber-answer';
import { confirmSubscriber } from '@/server/services/status/confirm-subscriber';

export const dynamic = 'force-dynamic';

/** The confirmation mail's link (anyone holding it): the subscription starts; the token works once. */
export const GET = endpointRoute(
  STATUS.confirmSubscriber,
  async ({ rt, params, query }) =>
    subscriberLinkAnswer(query.format, () => confirmSubscriber({ ctx: rt, slug: params.room, token: query.token }), 'confirmed', {
      confirmed: true as const,
    }),
  { anonymous: true },
);
