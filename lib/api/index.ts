import { ADMIN } from './admin';
import type { TEndpoint } from './contract';
import { alertsApi } from './alerts';
import { INCIDENTS } from './incidents';
import { METRICS } from './metrics';
import { probesApi } from './probes';
import { ROOMS } from './rooms';
import { rulesApi } from './rules';
import { serversApi } from './servers';
import { SETUP } from './setup';
import { SYSTEM } from './system';
import { NIGHT } from './night';
import { STATUS } from './status';
import { notificationsApi } from './notifications';

/**
 * Every /api/v1 endpoint, for the OpenAPI document and the test that each
 * route file has an entry. Each resource module under lib/api/ exports its
 * endpoints as one object; add that object's values here.
 */
export const ENDPOINTS: TEndpoint[] = [
  ...Object.values(SYSTEM),
  ...Object.values(METRICS),
  ...Object.values(INCIDENTS),
  ...Object.values(ROOMS),
  ...Object.values(ADMIN),
  ...Object.values(SETUP),
  ...Object.values(serversApi),
  ...Object.values(alertsApi),
  ...Object.values(probesApi),
  ...Object.values(rulesApi),
  ...Object.values(NIGHT),
  ...Object.values(STATUS),
  ...Object.values(notificationsApi),
];
