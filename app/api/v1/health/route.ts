import { SYSTEM } from '@/lib/api/system';
import { endpointRoute } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/** Liveness: 200 while the process serves. */
export const GET = endpointRoute(SYSTEM.health, async () => ({ status: 'ok' as const }), { anonymous: true });
