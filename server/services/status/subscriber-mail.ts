import { createHash, randomBytes } from 'node:crypto';
import en from '../../../messages/en.json';
import zh from '../../../messages/zh.json';
import type { TServiceContext } from '../../context';
import type { TTx } from '../../db/client';
import { AppError } from '../../errors';
import { fill } from '../../../lib/i18n/fill';

/**
 * Subscriber mail goes through the notification outbox like every other
 * message: one Delivery row per subscriber and message, written in the
 * transaction that caused it, on a per-room channel that is the outbox's
 * address for "the page's subscribers" (hidden from the channels API, no
 * events of its own). Each row carries its one recipient and its rendered
 * text, so the worker sends it alone, never merged into a digest.
 */
export const SUBSCRIBER_CHANNEL = '__status_subscribers';

/** The one-recipient message a subscriber delivery carries. */
export interface TSubscriberMail {
  to: string;
  subject: string;
  text: string;
}

type TMailWords = typeof en.statusPage.mail;
const WORDS: Record<'en' | 'zh', TMailWords> = { en: en.statusPage.mail, zh: zh.statusPage.mail };

/** A fresh unguessable token and the hash kept of it (the token itself is only ever in the mail). */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The room behind a public page that is on; 404 otherwise (the same answer as the page itself). */
export async function publicRoom(ctx: TServiceContext, slug: string) {
  const room = await ctx.prisma.room.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, locale: true } });
  const page = room ? await ctx.prisma.statusPage.findUnique({ where: { roomId: room.id } }) : null;
  if (!room || !page?.enabled) throw new AppError('not_found', `no status page "${slug}"`);
  return { ...room, title: page.title ?? room.name, lang: (room.locale === 'zh' ? 'zh' : 'en') as 'en' | 'zh' };
}

/** The room's subscriber channel, made on first use. */
async function subscriberChannel(tx: TTx, roomId: string): Promise<string> {
  const found = await tx.notifyChannel.findUnique({ where: { roomId_name: { roomId, name: SUBSCRIBER_CHANNEL } }, select: { id: true } });
  if (found) return found.id;
  const made = await tx.notifyChannel.create({
    data: { roomId, name: SUBSCRIBER_CHANNEL, kind: 'email', events: '[]', ratePerMinute: 600 },
    select: { id: true },
  });
  return made.id;
}

/** Queues one mail to one subscriber, in the caller's transaction; the same dedupKey twice queues once. */
export async function enqueueSubscriberMail(
  tx: TTx,
  o: { room: { id: string; slug: string; name: string; locale: string }; dedupKey: string; mail: TSubscriberMail },
): Promise<void> {
  const channelId = await subscriberChannel(tx, o.room.id);
  if (await tx.delivery.findUnique({ where: { channelId_dedupKey: { channelId, dedupKey: o.dedupKey } }, select: { id: true } })) return;
  const now = new Date();
  await tx.delivery.create({
    data: {
      roomId: o.room.id,
      channelId,
      event: 'status.published',
      dedupKey: o.dedupKey,
      payload: JSON.stringify({ room: { slug: o.room.slug, name: o.room.name, locale: o.room.locale }, mail: o.mail }),
      nextAttemptAt: now,
      deadline: new Date(now.getTime() + 24 * 60 * 60 * 1000),
    },
  });
}

const pageUrl = (ctx: TServiceContext, slug: string) => `${ctx.config.publicUrl}/status/${encodeURIComponent(slug)}`;
const apiUrl = (ctx: TServiceContext, slug: string, verb: 'confirm' | 'unsubscribe', token: string) =>
  `${ctx.config.publicUrl}/api/v1/status/${encodeURIComponent(slug)}/subscribers/${verb}?token=${token}&format=html`;

/** The double opt-in message: the only one an unconfirmed address ever gets. */
export function confirmationMail(
  ctx: TServiceContext,
  o: { lang: 'en' | 'zh'; slug: string; title: string; to: string; confirmToken: string },
): TSubscriberMail {
  const w = WORDS[o.lang];
  return {
    to: o.to,
    subject: fill(w.confirmSubject, { title: o.title }, o.lang),
    text: [fill(w.confirmBody, { title: o.title }, o.lang), '', apiUrl(ctx, o.slug, 'confirm', o.confirmToken), '', w.confirmIgnore].join(
      '\n',
    ),
  };
}

/** A public update as a confirmed subscriber reads it: public words only, and the one-click way out. */
export function updateMail(
  ctx: TServiceContext,
  o: { lang: 'en' | 'zh'; slug: string; pageTitle: string; to: string; unsubToken: string; title: string; status: string; message: string },
): TSubscriberMail {
  const w = WORDS[o.lang];
  const status = (w.status as Record<string, string>)[o.status] ?? o.status;
  return {
    to: o.to,
    subject: fill(w.updateSubject, { page: o.pageTitle, title: o.title, status }, o.lang),
    text: [
      `${o.title} — ${status}`,
      '',
      o.message,
      '',
      fill(w.more, { url: pageUrl(ctx, o.slug) }, o.lang),
      '',
      fill(w.unsubscribe, { url: apiUrl(ctx, o.slug, 'unsubscribe', o.unsubToken) }, o.lang),
    ].join('\n'),
  };
}
