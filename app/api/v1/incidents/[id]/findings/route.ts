import { INCIDENTS } from '@/lib/api/incidents';
import { addFinding } from '@/server/services/incidents/add-finding';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({
  answer: 'incident',
  endpoint: INCIDENTS.addFinding,
  operation: 'POST findings',
  call: (a) => addFinding(a),
});
