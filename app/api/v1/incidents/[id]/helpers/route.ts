import { ZHelper } from '@/lib/schemas/incidents';
import { setHelper } from '@/server/services/incidents/set-helper';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ schema: ZHelper, status: 200, create: false, operation: 'POST helpers', call: (a) => setHelper(a) });
