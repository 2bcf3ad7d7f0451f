import { INCIDENTS } from '@/lib/api/incidents';
import { setHelper } from '@/server/services/incidents/set-helper';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ endpoint: INCIDENTS.helpers, operation: 'POST helpers', call: (a) => setHelper(a) });
