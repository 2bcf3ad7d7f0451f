import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API } from '../lib/api';
import { ROUTES } from '../lib/client/routes';
import { renderRoutes } from './gen-client-routes';

describe('the typed client’s method/path table (lib/client/routes.ts)', () => {
  it('is what the generator writes from lib/api today (else: npx tsx scripts/gen-client-routes.ts)', () => {
    expect(readFileSync('lib/client/routes.ts', 'utf8')).toBe(renderRoutes());
  });

  it('names every endpoint of the table with its method and path', () => {
    for (const [resource, endpoints] of Object.entries(API))
      for (const [name, e] of Object.entries(endpoints)) {
        const route = (ROUTES as Record<string, Record<string, readonly [string, string]>>)[resource]?.[name];
        expect(route, `${resource}.${name}`).toEqual([e.method, e.path]);
      }
  });
});
