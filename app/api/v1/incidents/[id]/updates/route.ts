import { ZPostUpdate } from '@/lib/schemas/incidents';
import { postUpdate } from '@/server/services/incidents/post-update';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ schema: ZPostUpdate, status: 201, create: true, answer: 'entry', operation: 'POST updates', call: (a) => postUpdate(a) });
