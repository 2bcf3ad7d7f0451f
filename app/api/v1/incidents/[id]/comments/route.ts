import { ZComment } from '@/lib/schemas/incidents';
import { commentIncident } from '@/server/services/incidents/timeline-notes';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ schema: ZComment, status: 201, create: true, answer: 'entry', operation: 'POST comments', call: (a) => commentIncident(a) });
