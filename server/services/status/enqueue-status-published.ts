import type { TStatus } from '../../../lib/incidents';
import type { TServiceContext } from '../../context';
import type { TTx } from '../../db/client';
import { enqueueNotification } from '../notify/enqueue-notification';

/**
 * Queues `status.published` for the room's channels that subscribed to it
 * (a customer's WeCom or Feishu group, a webhook), in the transaction that
 * wrote the public update. Only public words go in: the public title, the
 * status, the message the lead typed and the page's address — never the
 * internal incident, so the outbox cannot leak what the page does not show.
 */
export async function enqueueStatusPublished(
  tx: TTx,
  o: { ctx: TServiceContext; roomId: string; slug: string; updateId: string; title: string; status: TStatus; message: string },
): Promise<void> {
  await enqueueNotification(tx, {
    roomId: o.roomId,
    event: 'status.published',
    dedupKey: `status.published:${o.updateId}`,
    severity: null,
    facts: { title: `${o.title} — ${o.status}`, text: `${o.message}\n${o.ctx.config.publicUrl}/status/${o.slug}` },
  });
}
