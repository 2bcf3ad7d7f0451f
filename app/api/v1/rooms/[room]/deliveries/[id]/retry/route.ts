import { notificationsApi as E } from '@/lib/api/notifications';
import { json, parseWith, route } from '@/server/http/route';
import { retryDelivery } from '@/server/services/notify/manage-deliveries';

export const dynamic = 'force-dynamic';

/** A dead delivery goes back to pending (lead+). */
export const POST = route<{ room: string; id: string }>(async (_req, { rt, actor, params }) => {
  const { room, id } = parseWith(E.retryDelivery.params, params, 'path');
  return json({ delivery: await retryDelivery({ ctx: rt, actor, slug: room, id }) });
});
