import { NIGHT_ENDPOINTS } from '@/lib/api/night';
import { json, parseWith, route } from '@/server/http/route';
import { previewBrief } from '@/server/services/handovers/create-handover';

export const dynamic = 'force-dynamic';

/** The brief a handover made now would carry (lead+): the handover page's preview. */
export const GET = route<{ room: string }>(async (_req, { rt, actor, params }) => {
  const { room } = parseWith(NIGHT_ENDPOINTS.previewBrief.params, params, 'path');
  return json(await previewBrief({ ctx: rt, actor, slug: room }));
});
