import { NIGHT } from '@/lib/api/night';
import { endpointRoute } from '@/server/http/route';
import { previewBrief } from '@/server/services/handovers/preview-brief';

export const dynamic = 'force-dynamic';

/** The brief a handover made now would carry (lead+): the handover page's preview. */
export const GET = endpointRoute(NIGHT.previewBrief, async ({ rt, actor, params }) => previewBrief({ ctx: rt, actor, slug: params.room }));
