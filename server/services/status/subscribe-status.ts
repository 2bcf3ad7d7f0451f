import type { TSubscribeInput } from '../../../lib/api/status';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { TX_OPTIONS } from '../incidents/incident-tx';
import { assertComponents } from './status-rows';
import { confirmationMail, enqueueSubscriberMail, newToken, publicRoom } from './subscriber-mail';

/** One confirmation mail per address per this long, however often it is asked for. */
const MAIL_GAP_MS = 10 * 60_000;
/** Requests from one client address, per window. */
const PER_CLIENT = 5;
const CLIENT_WINDOW_MS = 10 * 60_000;
const clientHits = new Map<string, number[]>();

function takeClientSlot(client: string, now: number): boolean {
  const recent = (clientHits.get(client) ?? []).filter((t) => now - t < CLIENT_WINDOW_MS);
  if (recent.length >= PER_CLIENT) return false;
  clientHits.set(client, [...recent, now]);
  // Bounded under a spray of addresses: the oldest keys go first.
  if (clientHits.size > 10_000) clientHits.delete(clientHits.keys().next().value as string);
  return true;
}

/**
 * A visitor subscribes by email (anyone). Double opt-in: a new or still
 * unconfirmed address gets a confirmation message with a one-use link and
 * nothing else; an already confirmed one only has its components changed.
 * Rate-limited per client address and per email address, so the form cannot
 * be used to bomb someone's inbox. Needs WARROOM_SMTP_URL.
 */
export async function subscribeStatus(opts: { ctx: TServiceContext; slug: string; client: string; input: TSubscribeInput }): Promise<void> {
  const { ctx, input } = opts;
  // The page first: while it is off, this route is as absent as the page (404), mail server or not.
  const room = await publicRoom(ctx, opts.slug);
  if (!ctx.config.WARROOM_SMTP_URL)
    throw new AppError('unavailable', 'email subscriptions are off: this install has no mail server (WARROOM_SMTP_URL)');
  const now = Date.now();
  if (!takeClientSlot(`${opts.client}\u0000${room.id}`, now))
    throw new AppError('rate_limited', 'too many subscription requests from this address; try again in a few minutes');
  const components = input.components ?? [];
  await assertComponents(ctx, room.id, components);
  const existing = await ctx.prisma.statusSubscriber.findUnique({ where: { roomId_email: { roomId: room.id, email: input.email } } });
  if (existing?.confirmedAt) {
    await ctx.prisma.statusSubscriber.update({ where: { id: existing.id }, data: { components: JSON.stringify(components) } });
    return;
  }
  if (existing?.lastMailAt && now - existing.lastMailAt.getTime() < MAIL_GAP_MS)
    throw new AppError('rate_limited', 'a confirmation message was sent to this address a moment ago; follow its link');
  const confirm = newToken();
  await ctx.prisma.$transaction(async (tx) => {
    const row = await tx.statusSubscriber.upsert({
      where: { roomId_email: { roomId: room.id, email: input.email } },
      create: {
        roomId: room.id,
        email: input.email,
        components: JSON.stringify(components),
        confirmHash: confirm.hash,
        unsubToken: newToken().token,
        lastMailAt: new Date(now),
      },
      update: { components: JSON.stringify(components), confirmHash: confirm.hash, lastMailAt: new Date(now) },
    });
    await enqueueSubscriberMail(tx, {
      room,
      dedupKey: `status.confirm:${row.id}:${confirm.hash.slice(0, 16)}`,
      mail: confirmationMail(ctx, { lang: room.lang, slug: room.slug, title: room.title, to: input.email, confirmToken: confirm.token }),
    });
  }, TX_OPTIONS);
}
