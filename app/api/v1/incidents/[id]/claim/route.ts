import { ZEmpty } from '@/lib/schemas/incidents';
import { claimIncident } from '@/server/services/incidents/claim-incident';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ schema: ZEmpty, status: 200, create: false, operation: 'POST claim', call: (a) => claimIncident(a) });
