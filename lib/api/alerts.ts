import { endpoint } from './contract';
import { ZAlertmanagerAnswer, ZAlertmanagerPayload, ZAlertsQuery, ZGenericAlert, ZGenericAlertAnswer } from './signals';

/** Alerts from other systems: Alertmanager's webhook and a generic one, by ingest key. */
export const alertsApi = {
  alertmanager: endpoint({
    method: 'POST',
    path: '/api/v1/alerts/alertmanager',
    summary: 'Alertmanager webhook (version 4): one incident per alert group, alerts tracked by fingerprint',
    access: 'ingest key',
    tag: 'alerts',
    query: ZAlertsQuery,
    body: ZAlertmanagerPayload,
    response: ZAlertmanagerAnswer,
  }),
  generic: endpoint({
    method: 'POST',
    path: '/api/v1/alerts',
    summary: 'A generic alert, firing or resolved, deduplicated by dedupKey',
    access: 'ingest key',
    tag: 'alerts',
    body: ZGenericAlert,
    response: ZGenericAlertAnswer,
  }),
};
