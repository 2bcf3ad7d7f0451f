import type { TEndpoint } from './contract';
import { NIGHT_ENDPOINTS } from './night';

/**
 * Every /api/v1 endpoint, for the OpenAPI document and the test that each
 * route file has an entry. Each resource module under lib/api/ exports its
 * endpoints as one object; add that object's values here.
 */
export const ENDPOINTS: TEndpoint[] = [
  ...Object.values(NIGHT_ENDPOINTS),
];
