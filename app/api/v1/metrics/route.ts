import { MAX_INGEST_BODY_BYTES, ZIngestBody } from '@/lib/schemas/metrics';
import { json, parseWith, readJson, route } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { ingestMetrics } from '@/server/services/metrics/ingest-metrics';

export const dynamic = 'force-dynamic';

/** Ingest: a batch of up to 10,000 points, stored whole or not at all. */
export const POST = route(async (req, { rt, actor }) => {
  // Reject unknown callers before reading a body of up to 4 MiB.
  assertCan(actor, 'metrics:write');
  const input = parseWith(ZIngestBody, await readJson(req, MAX_INGEST_BODY_BYTES));
  return json(await ingestMetrics({ ctx: rt, actor, input }), 202);
});
