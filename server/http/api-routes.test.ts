import { describe, expect, it } from 'vitest';
import { allowedMethods, discoverApiRoutes, matchApiRoute } from './api-routes';

describe('discoverApiRoutes / matchApiRoute', () => {
  const routes = discoverApiRoutes();

  it('finds every route file with the methods it exports', () => {
    const health = routes.find((r) => r.pattern === '/api/v1/health');
    expect(health?.methods).toEqual(['GET']);
    expect(routes.find((r) => r.pattern === '/api/v1/incidents/[id]/claim')?.methods).toEqual(['POST']);
    expect(routes.some((r) => r.pattern.includes('_lib'))).toBe(false);
  });

  it('matches static segments before parameters and refuses what no file serves', () => {
    expect(matchApiRoute(routes, '/api/v1/incidents/abc/claim')?.pattern).toBe('/api/v1/incidents/[id]/claim');
    expect(matchApiRoute(routes, '/api/v1/incidents')?.pattern).toBe('/api/v1/incidents');
    expect(matchApiRoute(routes, '/api/v1/incidents/')?.pattern).toBe('/api/v1/incidents');
    expect(matchApiRoute(routes, '/api/v1/nope')).toBeNull();
    expect(matchApiRoute(routes, '/api/v1/incidents//claim')).toBeNull();
    expect(matchApiRoute(routes, '/api/v1')).toBeNull();
  });

  it('allows HEAD with GET and always OPTIONS', () => {
    expect(allowedMethods({ pattern: '', segments: [], methods: ['GET'], file: '' })).toEqual(['GET', 'HEAD', 'OPTIONS']);
  });
});
