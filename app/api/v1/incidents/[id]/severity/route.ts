import { ZChangeSeverity } from '@/lib/schemas/incidents';
import { changeSeverity } from '@/server/services/incidents/change-severity';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ schema: ZChangeSeverity, status: 200, create: false, operation: 'POST severity', call: (a) => changeSeverity(a) });
