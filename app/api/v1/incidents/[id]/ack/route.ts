import { INCIDENTS } from '@/lib/api/incidents';
import { acknowledgeIncident } from '@/server/services/incidents/acknowledge-incident';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ endpoint: INCIDENTS.ack, operation: 'POST ack', call: (a) => acknowledgeIncident(a) });
