import { json } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/** Liveness: 200 while the process serves. */
export function GET() {
  return json({ status: 'ok' });
}
