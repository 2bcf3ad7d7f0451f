import { INCIDENTS } from '@/lib/api/incidents';
import { releaseIncident } from '@/server/services/incidents/release-incident';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ endpoint: INCIDENTS.release, operation: 'POST release', call: (a) => releaseIncident(a) });
