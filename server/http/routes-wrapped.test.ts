import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discoverApiRoutes } from './api-routes';

// Every /api/v1 route answers through the endpoint wrapper (endpointRoute, or incidentAction built on it),
// so its params, query and body are parsed with the table's schemas and its answer checked against the
// strict response schema in tests and development. The raw route() + json(unknown) is not for route files.
describe('route files under app/api/v1', () => {
  const routes = discoverApiRoutes();

  it('are found', () => expect(routes.length).toBeGreaterThan(30));

  it.each(routes.map((r) => [r.pattern, r.file] as const))('%s goes through the endpoint wrapper', (_pattern, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/endpointRoute\(|incidentAction\(/);
    expect(text).not.toMatch(/\broute(<[^>]*>)?\(/);
    expect(text).not.toMatch(/export (async )?function (GET|POST|PUT|PATCH|DELETE)\b/);
  });
});
