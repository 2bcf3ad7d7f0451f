import { ZEmpty } from '@/lib/schemas/incidents';
import { acknowledgeIncident } from '@/server/services/incidents/timeline-notes';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ schema: ZEmpty, status: 200, create: false, operation: 'POST ack', call: (a) => acknowledgeIncident(a) });
