import { INCIDENTS } from '@/lib/api/incidents';
import { changeSeverity } from '@/server/services/incidents/change-severity';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ endpoint: INCIDENTS.severity, operation: 'POST severity', call: (a) => changeSeverity(a) });
