import { NIGHT } from '@/lib/api/night';
import { endpointRoute } from '@/server/http/route';
import { buildReport } from '@/server/services/report/build-report';
import { reportToMarkdown } from '@/server/services/report/report-markdown';

export const dynamic = 'force-dynamic';

/** The night report: ?from=&to= (ISO-8601 or epoch ms; default the last 24 hours) &format=json|md. */
export const GET = endpointRoute(NIGHT.report, async ({ rt, actor, params, query }) => {
  const report = await buildReport({ ctx: rt, actor, slug: params.room, from: query.from, to: query.to });
  if (query.format !== 'md') return report;
  // the endpoint's other form (its `alternate`), which the JSON table cannot type
  return new Response(reportToMarkdown(report), {
    headers: { 'content-type': 'text/markdown; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
  });
});
