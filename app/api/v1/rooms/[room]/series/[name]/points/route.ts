import { SERIES } from '@/lib/api/series';
import { endpointRoute } from '@/server/http/route';
import { deletePoints } from '@/server/services/metrics/delete-points';

export const dynamic = 'force-dynamic';

/** Deletes a range of a series' points (lead+) → 200 {"deleted": n}; ?from=&to= required, &labels= optional. */
export const DELETE = endpointRoute(SERIES.deletePoints, async ({ rt, actor, params, query }) =>
  deletePoints({ ctx: rt, actor, slug: params.room, name: params.name, query }),
);
