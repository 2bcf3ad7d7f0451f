import { SYSTEM } from '@/lib/api/system';
import { endpointRoute, json } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/** Readiness: 200 when the database answers, else 503. Anonymous: it must answer while the database does not. */
export const GET = endpointRoute(
  SYSTEM.ready,
  async ({ rt }) => {
    try {
      await rt.database.ping();
      return { status: 'ready' as const };
    } catch {
      return json({ status: 'unavailable', error: { code: 'unavailable', message: 'database does not answer' } }, 503);
    }
  },
  { anonymous: true },
);
