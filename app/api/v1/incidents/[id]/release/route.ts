import { ZEmpty } from '@/lib/schemas/incidents';
import { releaseIncident } from '@/server/services/incidents/release-incident';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ schema: ZEmpty, status: 200, create: false, operation: 'POST release', call: (a) => releaseIncident(a) });
