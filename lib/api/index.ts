import { ADMIN } from './admin';
import type { TEndpoint } from './contract';
import { alertsApi } from './alerts';
import { CAPACITY } from './capacity';
import { INCIDENTS } from './incidents';
import { METRICS } from './metrics';
import { probesApi } from './probes';
import { ROOMS } from './rooms';
import { SERIES } from './series';
import { rulesApi } from './rules';
import { serversApi } from './servers';
import { SETUP } from './setup';
import { SYSTEM } from './system';
import { NIGHT } from './night';
import { STATUS } from './status';
import { notificationsApi } from './notifications';
import { pushApi } from './push';

/**
 * Every /api/v1 endpoint by resource: `API.incidents.claim`. The typed client
 * (lib/client/api.ts, `api.incidents.claim({ params: { id } })`) is derived
 * from this object's type, and its zod-free method/path table
 * (lib/client/routes.ts) is generated from it. A new resource module adds
 * its endpoint object here, then runs `npx tsx scripts/gen-client-routes.ts`.
 */
export const API = {
  system: SYSTEM,
  metrics: METRICS,
  incidents: INCIDENTS,
  rooms: ROOMS,
  series: SERIES,
  admin: ADMIN,
  setup: SETUP,
  servers: serversApi,
  alerts: alertsApi,
  probes: probesApi,
  rules: rulesApi,
  night: NIGHT,
  capacity: CAPACITY,
  status: STATUS,
  notifications: notificationsApi,
  push: pushApi,
};
export type TApi = typeof API;

/** Every /api/v1 endpoint, for the OpenAPI document and the test that each route file has an entry. */
export const ENDPOINTS: TEndpoint[] = Object.values(API).flatMap((r) => Object.values(r) as TEndpoint[]);
