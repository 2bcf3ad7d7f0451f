import { SETUP } from '@/lib/api/setup';
import { endpointRoute } from '@/server/http/route';
import { redeemPasswordLink } from '@/server/services/users/redeem-password-link';

export const dynamic = 'force-dynamic';

/** Chooses a password with a one-time link; the link is then spent. */
export const POST = endpointRoute(SETUP.redeemPasswordLink, async ({ rt, body }) => redeemPasswordLink({ ctx: rt, input: await body() }));
