import { ZImpact } from '@/lib/schemas/incidents';
import { setImpact } from '@/server/services/incidents/set-impact';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ schema: ZImpact, status: 200, create: false, operation: 'POST impact', call: (a) => setImpact(a) });
