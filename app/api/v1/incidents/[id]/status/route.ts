import { ZChangeStatus } from '@/lib/schemas/incidents';
import { changeStatus } from '@/server/services/incidents/change-status';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ schema: ZChangeStatus, status: 200, create: false, operation: 'POST status', call: (a) => changeStatus(a) });
