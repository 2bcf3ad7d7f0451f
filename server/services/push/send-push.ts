import webPush from 'web-push';
import type { TServiceContext } from '../../context';
import type { TNotifyFacts } from '../notify/enqueue-notification';
import { linkOf, renderMessage, type TRenderable, truncateBytes } from '../notify/render-message';
import { outcomeOfStatus, type TSendOutcome } from '../notify/send-outcome';
import { vapidKeys, vapidSubject } from './vapid-keys';

/** What the service worker (public/push-sw.js) shows: one notification per incident, replaced as it changes. */
export interface TPushPayload {
  title: string;
  body: string;
  /** opened on a tap */
  url: string;
  /** one notification per incident on the device: a later push about it replaces the earlier */
  tag: string;
  severity: string | null;
}

/** Push services take about 4 KB of payload; the body is cut well below it. */
const MAX_BODY_BYTES = 1500;
/** How long a push service keeps a message for a phone that is off: an incident is old news after a day. */
const TTL_SECONDS = 24 * 60 * 60;

export function pushPayload(r: TRenderable, lang: 'en' | 'zh', publicUrl: string, now = Date.now()): TPushPayload {
  const msg = renderMessage(r, lang, publicUrl, now);
  const url = linkOf(r.facts, publicUrl);
  // The title is the notification's own line and the link is the tap: the body is what lies between.
  const body = msg.text
    .split('\n\n')
    .slice(1)
    .filter((l) => l !== url)
    .join('\n')
    .replace(/\*\*/g, '');
  const i = r.facts.incident;
  return {
    title: msg.title,
    body: truncateBytes(body, MAX_BODY_BYTES),
    url,
    tag: i ? `${r.facts.room.slug}#${i.number}` : `${r.facts.room.slug}:${r.event}`,
    severity: i?.severity ?? null,
  };
}

/**
 * Sends one delivery to one device: the payload encrypted for the browser
 * (RFC 8291, aes128gcm) and signed with the install's VAPID key (RFC 8292)
 * by the web-push library, posted here so timeouts and answers are read as
 * for every vendor. 404/410 means the browser dropped the subscription: it is
 * removed, and the delivery is dead with that reason.
 */
export async function sendPush(
  ctx: TServiceContext,
  facts: TNotifyFacts,
  event: TRenderable['event'],
  timeoutMs: number,
): Promise<TSendOutcome> {
  const subscriptionId = facts.push?.subscriptionId ?? '';
  const sub = await ctx.prisma.pushSubscription.findUnique({ where: { id: subscriptionId } });
  if (!sub) return { ok: false, retryable: false, reason: 'the device unsubscribed' };
  const lang = sub.language === 'zh' ? 'zh' : 'en';
  const payload = pushPayload({ event, facts }, lang, ctx.config.publicUrl);
  const keys = vapidKeys();
  let req: ReturnType<typeof webPush.generateRequestDetails>;
  try {
    req = webPush.generateRequestDetails(
      { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
      JSON.stringify(payload),
      {
        vapidDetails: { subject: vapidSubject(ctx.config), publicKey: keys.publicKey, privateKey: keys.privateKey },
        TTL: TTL_SECONDS,
        urgency: payload.severity === 'SEV1' || payload.severity === 'SEV2' ? 'high' : 'normal',
        contentEncoding: 'aes128gcm',
      },
    );
  } catch (err) {
    // A key the browser never could have made: no attempt will encrypt for it.
    return { ok: false, retryable: false, reason: `push: ${(err as Error).message.slice(0, 200)}` };
  }
  let res: Response;
  try {
    res = await fetch(req.endpoint, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.body ? new Uint8Array(req.body) : null,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    await res.arrayBuffer().catch(() => undefined);
  } catch (err) {
    // The cause names an address and port, never the endpoint (it identifies the device).
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    const name = (err as Error).name;
    return {
      ok: false,
      retryable: true,
      reason: name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : `network error${cause ? ` ${cause}` : ''}`,
    };
  }
  if (res.status === 404 || res.status === 410) {
    await ctx.prisma.pushSubscription.deleteMany({ where: { id: sub.id } });
    return { ok: false, retryable: false, reason: `HTTP ${res.status}: the push service dropped this device's subscription; removed` };
  }
  return outcomeOfStatus(res.status, res.headers.get('retry-after')) ?? { ok: true };
}
