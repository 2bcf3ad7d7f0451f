import { METRICS } from '@/lib/api/metrics';
import { MAX_INGEST_BODY_BYTES } from '@/lib/api/metric-points';
import { endpointRoute } from '@/server/http/route';
import { assertCan } from '@/server/services/access/actor';
import { ingestMetrics } from '@/server/services/metrics/ingest-metrics';

export const dynamic = 'force-dynamic';

/** Ingest: a batch of up to 10,000 points, stored whole or not at all. */
export const POST = endpointRoute(METRICS.ingest, async ({ rt, actor, body }) => {
  // Reject unknown callers before reading a body of up to 4 MiB.
  assertCan(actor, 'metrics:write');
  return ingestMetrics({ ctx: rt, actor, input: await body(MAX_INGEST_BODY_BYTES) });
});
