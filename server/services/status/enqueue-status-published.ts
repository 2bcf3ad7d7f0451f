import type { TStatus } from '../../../lib/incidents';
import type { TServiceContext } from '../../context';
import type { TTx } from '../../db/client';
import { enqueueNotification } from '../notify/enqueue-notification';
import { enqueueSubscriberMail, updateMail } from './subscriber-mail';

/**
 * Queues `status.published` for the room's channels that subscribed to it
 * (a customer's WeCom or Feishu group, a webhook) and one mail per confirmed
 * email subscriber whose components it touches, in the transaction that
 * wrote the public update. Only public words go in: the public title, the
 * status, the message the lead typed and the page's address — never the
 * internal incident, so the outbox cannot leak what the page does not show.
 */
export async function enqueueStatusPublished(
  tx: TTx,
  o: {
    ctx: TServiceContext;
    roomId: string;
    slug: string;
    updateId: string;
    title: string;
    status: TStatus;
    message: string;
    components: string[];
  },
): Promise<void> {
  await enqueueNotification(tx, {
    roomId: o.roomId,
    event: 'status.published',
    dedupKey: `status.published:${o.updateId}`,
    severity: null,
    facts: { title: `${o.title} — ${o.status}`, text: `${o.message}\n${o.ctx.config.publicUrl}/status/${o.slug}` },
  });
  const subscribers = await tx.statusSubscriber.findMany({
    where: { roomId: o.roomId, confirmedAt: { not: null } },
    select: { id: true, email: true, components: true, unsubToken: true },
  });
  if (subscribers.length === 0) return;
  const room = await tx.room.findUniqueOrThrow({ where: { id: o.roomId }, select: { id: true, slug: true, name: true, locale: true } });
  const page = await tx.statusPage.findUnique({ where: { roomId: o.roomId }, select: { title: true } });
  const lang = room.locale === 'zh' ? 'zh' : 'en';
  for (const s of subscribers) {
    const wants = JSON.parse(s.components) as string[];
    // Per-component subscriptions (Cachet 4427): an incident naming none of them is not theirs; one naming no component is everyone's.
    if (wants.length > 0 && o.components.length > 0 && !o.components.some((c) => wants.includes(c))) continue;
    await enqueueSubscriberMail(tx, {
      room,
      dedupKey: `status.mail:${s.id}:${o.updateId}`,
      mail: updateMail(o.ctx, {
        lang,
        slug: room.slug,
        pageTitle: page?.title ?? room.name,
        to: s.email,
        unsubToken: s.unsubToken,
        title: o.title,
        status: o.status,
        message: o.message,
      }),
    });
  }
}
