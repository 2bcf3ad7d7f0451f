import { INCIDENTS } from '@/lib/api/incidents';
import { claimIncident } from '@/server/services/incidents/claim-incident';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ endpoint: INCIDENTS.claim, operation: 'POST claim', call: (a) => claimIncident(a) });
