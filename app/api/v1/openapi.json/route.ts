import { buildOpenApi } from '@/lib/api/openapi';
import { json, route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

let cached: unknown;

/** OpenAPI 3.1 of every /api/v1 route, from the zod schemas that validate them. */
export const GET = route(async (_req, { rt }) => {
  cached ??= buildOpenApi({ serverUrl: rt.config.publicUrl });
  return json(cached);
});
