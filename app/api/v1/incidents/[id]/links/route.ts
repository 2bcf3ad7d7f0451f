import { ZSeriesLink } from '@/lib/schemas/incidents';
import { linkSeries } from '@/server/services/incidents/set-impact';
import { incidentAction } from '../../_lib/action';

export const dynamic = 'force-dynamic';

export const POST = incidentAction({ schema: ZSeriesLink, status: 200, create: false, operation: 'POST links', call: (a) => linkSeries(a) });
