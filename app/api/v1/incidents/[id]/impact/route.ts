import { INCIDENTS } from '@/lib/api/incidents';
import { setImpact } from '@/server/services/incidents/set-impact';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ endpoint: INCIDENTS.impact, operation: 'POST impact', call: (a) => setImpact(a) });
