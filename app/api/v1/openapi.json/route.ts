import { buildOpenApi } from '@/lib/api/openapi';
import { SYSTEM } from '@/lib/api/system';
import { endpointRoute, json } from '@/server/http/route';

export const dynamic = 'force-dynamic';

let cached: ReturnType<typeof buildOpenApi> | undefined;

/** OpenAPI 3.1 of every /api/v1 route, from the zod schemas that validate them. */
export const GET = endpointRoute(SYSTEM.openapi, async ({ rt }) => {
  cached ??= buildOpenApi({ serverUrl: rt.config.publicUrl });
  // the document's shape is OpenAPI's, not one the table spells out (its response is a loose object)
  return json(cached);
});
