import { alertsApi } from '@/lib/api/alerts';
import { MAX_ALERT_BODY_BYTES } from '@/lib/api/signals';
import { endpointRoute } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { postAlertmanager } from '@/server/services/signals/post-alertmanager';

export const dynamic = 'force-dynamic';

/** Alertmanager's webhook (version 4) by ingest key; ?room= picks a room for a key not bound to one. */
export const POST = endpointRoute(alertsApi.alertmanager, async ({ rt, actor, query, body }) => {
  assertCan(actor, 'alerts:write');
  return postAlertmanager({ ctx: rt, actor, input: await body(MAX_ALERT_BODY_BYTES), room: query.room });
});
