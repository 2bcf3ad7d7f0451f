import { alertsApi } from '@/lib/api/alerts';
import { MAX_ALERT_BODY_BYTES } from '@/lib/api/signals';
import { json, parseWith, queryOf, readJson, route } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { postAlertmanager } from '@/server/services/signals/post-alertmanager';

export const dynamic = 'force-dynamic';

const E = alertsApi.alertmanager;

/** Alertmanager's webhook (version 4) by ingest key; ?room= picks a room for a key not bound to one. */
export const POST = route(async (req, { rt, actor }) => {
  assertCan(actor, 'alerts:write');
  const { room } = parseWith(E.query, queryOf(req), 'query');
  const input = parseWith(E.body, await readJson(req, MAX_ALERT_BODY_BYTES));
  return json(await postAlertmanager({ ctx: rt, actor, input, room }));
});
