import { INCIDENTS } from '@/lib/api/incidents';
import { postUpdate } from '@/server/services/incidents/post-update';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ answer: 'entry', endpoint: INCIDENTS.updates, operation: 'POST updates', call: (a) => postUpdate(a) });
