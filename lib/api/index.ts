import type { TEndpoint } from './contract';
import { alertsApi } from './alerts';
import { probesApi } from './probes';
import { rulesApi } from './rules';

/**
 * Every /api/v1 endpoint, for the OpenAPI document and the test that each
 * route file has an entry. Each resource module under lib/api/ exports its
 * endpoints as one object; add that object's values here.
 */
export const ENDPOINTS: TEndpoint[] = [
  ...Object.values(alertsApi),
  ...Object.values(probesApi),
  ...Object.values(rulesApi),
];
