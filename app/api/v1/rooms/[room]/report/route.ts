import { NIGHT } from '@/lib/api/night';
import { json, parseWith, queryOf, route } from '@/server/http/route';
import { buildReport } from '@/server/services/report/build-report';
import { reportToMarkdown } from '@/server/services/report/report-markdown';

export const dynamic = 'force-dynamic';
const E = NIGHT.report;

/** The night report: ?from=&to= (ISO-8601 or epoch ms; default the last 24 hours) &format=json|md. */
export const GET = route<{ room: string }>(async (req, { rt, actor, params }) => {
  const { room } = parseWith(E.params, params, 'path');
  const q = parseWith(E.query, queryOf(req), 'query');
  const report = await buildReport({ ctx: rt, actor, slug: room, from: q.from, to: q.to });
  if (q.format === 'md') {
    return new Response(reportToMarkdown(report), {
      headers: { 'content-type': 'text/markdown; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    });
  }
  return json(report);
});
