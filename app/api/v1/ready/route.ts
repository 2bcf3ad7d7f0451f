import { getRuntime } from '@/server/context';
import { json } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/** Readiness: 200 when the database answers, else 503. */
export async function GET() {
  try {
    await getRuntime().database.ping();
    return json({ status: 'ready' });
  } catch {
    return json({ status: 'unavailable', error: { code: 'unavailable', message: 'database does not answer' } }, 503);
  }
}
