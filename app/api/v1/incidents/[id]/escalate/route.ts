import { ZEscalate } from '@/lib/schemas/incidents';
import { escalateIncident } from '@/server/services/incidents/escalate-incident';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ schema: ZEscalate, status: 200, create: false, operation: 'POST escalate', call: (a) => escalateIncident(a) });
