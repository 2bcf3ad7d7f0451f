import { INCIDENTS } from '@/lib/api/incidents';
import { escalateIncident } from '@/server/services/incidents/escalate-incident';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ endpoint: INCIDENTS.escalate, operation: 'POST escalate', call: (a) => escalateIncident(a) });
