import { INCIDENTS } from '@/lib/api/incidents';
import { linkSeries } from '@/server/services/incidents/link-series';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ endpoint: INCIDENTS.links, operation: 'POST links', call: (a) => linkSeries(a) });
