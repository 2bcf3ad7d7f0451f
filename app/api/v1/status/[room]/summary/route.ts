import { STATUS } from '@/lib/api/status';
import { endpointRoute } from '@/server/http/route';
import { publicStatusAnswer } from '@/server/http/public-status';

export const dynamic = 'force-dynamic';

/** The public page as Atlassian Statuspage's summary.json (anyone); ETag, Cache-Control, 404 while the page is off. */
export const GET = endpointRoute(
  STATUS.summary,
  async ({ req, params }) =>
    // Answered from the room's cached view or its snapshot (when the database is down), with its own caching headers.
    publicStatusAnswer(req, params.room, 'summary', (s) => ({ body: JSON.stringify(s.summary), type: 'application/json; charset=utf-8' })),
  { anonymous: true },
);
