import { INCIDENTS } from '@/lib/api/incidents';
import { handoverIncident } from '@/server/services/incidents/handover-incident';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ endpoint: INCIDENTS.handover, operation: 'POST handover', call: (a) => handoverIncident(a) });
