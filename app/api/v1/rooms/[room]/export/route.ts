import { SERIES } from '@/lib/api/series';
import { endpointRoute } from '@/server/http/route';
import { exportCsv } from '@/server/services/report/export-csv';

export const dynamic = 'force-dynamic';

/** CSV of a room's points or incidents: ?what=series|incidents&from=&to= (ISO-8601 or epoch ms; default the last 24 hours). */
export const GET = endpointRoute(SERIES.export, async ({ rt, actor, params, query }) => {
  const { filename, csv } = await exportCsv({ ctx: rt, actor, slug: params.room, query });
  // the endpoint's only form (its `alternate`), which the JSON table cannot type
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
