import { alertsApi } from '@/lib/api/alerts';
import { MAX_ALERT_BODY_BYTES } from '@/lib/api/signals';
import { endpointRoute } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { postAlert } from '@/server/services/signals/post-alert';

export const dynamic = 'force-dynamic';

/** A generic alert by ingest key: opens, updates or notes recovery of the incident keyed by dedupKey. */
export const POST = endpointRoute(alertsApi.generic, async ({ rt, actor, body }) => {
  assertCan(actor, 'alerts:write');
  return postAlert({ ctx: rt, actor, input: await body(MAX_ALERT_BODY_BYTES) });
});
