import { INCIDENTS } from '@/lib/api/incidents';
import { changeStatus } from '@/server/services/incidents/change-status';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ endpoint: INCIDENTS.status, operation: 'POST status', call: (a) => changeStatus(a) });
