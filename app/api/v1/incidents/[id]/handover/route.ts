import { ZHandover } from '@/lib/schemas/incidents';
import { handoverIncident } from '@/server/services/incidents/handover-incident';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ schema: ZHandover, status: 200, create: false, operation: 'POST handover', call: (a) => handoverIncident(a) });
