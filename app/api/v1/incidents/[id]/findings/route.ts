import { ZNewFinding } from '@/lib/schemas/incidents';
import { addFinding } from '@/server/services/incidents/findings';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ schema: ZNewFinding, status: 201, create: true, answer: 'incident', operation: 'POST findings', call: (a) => addFinding(a) });
