import { INCIDENTS } from '@/lib/api/incidents';
import { commentIncident } from '@/server/services/incidents/comment-incident';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({
  answer: 'entry',
  endpoint: INCIDENTS.comments,
  operation: 'POST comments',
  call: (a) => commentIncident(a),
});
