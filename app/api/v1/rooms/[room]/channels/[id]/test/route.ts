import { notificationsApi as E } from '@/lib/api/notifications';
import { json, parseWith, route } from '@/server/http/route';
import { testChannel } from '@/server/services/notify/test-channel';

export const dynamic = 'force-dynamic';

/** Sends a test message now and answers its delivery with the outcome (lead+). */
export const POST = route<{ room: string; id: string }>(async (_req, { rt, actor, params }) => {
  const { room, id } = parseWith(E.testChannel.params, params, 'path');
  return json({ delivery: await testChannel({ ctx: rt, actor, slug: room, id }) });
});
