import { notificationsApi as E } from '@/lib/api/notifications';
import { json, parseWith, queryOf, route } from '@/server/http/route';
import { listDeliveries } from '@/server/services/notify/manage-deliveries';

export const dynamic = 'force-dynamic';

/** The delivery log, newest first (lead+). */
export const GET = route<{ room: string }>(async (req, { rt, actor, params }) => {
  const { room } = parseWith(E.listDeliveries.params, params, 'path');
  const query = parseWith(E.listDeliveries.query, queryOf(req), 'query');
  return json({ deliveries: await listDeliveries({ ctx: rt, actor, slug: room, query }) });
});
