import { STATUS } from '@/lib/api/status';
import { endpointRoute } from '@/server/http/route';
import { subscriberLinkAnswer } from '@/server/http/subscriber-answer';
import { unsubscribeSubscriber } from '@/server/services/status/unsubscribe-subscriber';

export const dynamic = 'force-dynamic';

/** Every subscriber mail's unsubscribe link: one click, no sign-in. */
export const GET = endpointRoute(
  STATUS.unsubscribe,
  async ({ rt, params, query }) =>
    subscriberLinkAnswer(query.format, () => unsubscribeSubscriber({ ctx: rt, slug: params.room, token: query.token }), 'unsubscribed', {
      unsubscribed: true as const,
    }),
  { anonymous: true },
);
