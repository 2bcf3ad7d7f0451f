import { INCIDENTS } from '@/lib/api/incidents';
import { decideFinding } from '@/server/services/incidents/decide-finding';
import { incidentAction } from '../../../_lib/action';

export const dynamic = 'force-dynamic';

/** Marks a finding ruled_out, confirmed, or open again. */
export const POST = incidentAction({
  endpoint: INCIDENTS.decideFinding,
  operation: 'POST finding',
  call: (a) => decideFinding({ ...a, findingId: a.params.findingId! }),
});
export const PATCH = POST;
