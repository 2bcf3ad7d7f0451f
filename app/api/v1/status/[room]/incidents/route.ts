import { STATUS } from '@/lib/api/status';
import { endpointRoute } from '@/server/http/route';
import { publicStatusAnswer } from '@/server/http/public-status';

export const dynamic = 'force-dynamic';

/** Public incidents, open and resolved, newest first (anyone); Statuspage's incidents.json shape. */
export const GET = endpointRoute(
  STATUS.incidents,
  async ({ req, params }) =>
    publicStatusAnswer(req, params.room, 'incidents', (s) => ({
      body: JSON.stringify({
        page: s.summary.page,
        incidents: [...s.summary.incidents, ...s.past].sort((a, b) => b.created_at.localeCompare(a.created_at)),
      }),
      type: 'application/json; charset=utf-8',
    })),
  { anonymous: true },
);
