import { alertsApi } from '@/lib/api/alerts';
import { MAX_ALERT_BODY_BYTES } from '@/lib/api/signals';
import { json, parseWith, readJson, route } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { postAlert } from '@/server/services/signals/post-alert';

export const dynamic = 'force-dynamic';

const E = alertsApi.generic;

/** A generic alert by ingest key: opens, updates or notes recovery of the incident keyed by dedupKey. */
export const POST = route(async (req, { rt, actor }) => {
  assertCan(actor, 'alerts:write');
  const input = parseWith(E.body, await readJson(req, MAX_ALERT_BODY_BYTES));
  return json(await postAlert({ ctx: rt, actor, input }));
});
