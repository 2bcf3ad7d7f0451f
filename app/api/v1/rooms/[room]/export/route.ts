import { SERIES } from '@/lib/api/series';
import { parseWith, queryOf, route } from '@/server/http/route';
import { exportCsv } from '@/server/services/report/export-csv';

export const dynamic = 'force-dynamic';
const E = SERIES.export;

/** CSV of a room's points or incidents: ?what=series|incidents&from=&to= (ISO-8601 or epoch ms; default the last 24 hours). */
export const GET = route<{ room: string }>(async (req, { rt, actor, params }) => {
  const { room } = parseWith(E.params, params, 'path');
  const query = parseWith(E.query, queryOf(req), 'query');
  const { filename, csv } = await exportCsv({ ctx: rt, actor, slug: room, query });
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
