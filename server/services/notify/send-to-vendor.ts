import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { TChannelKind } from '../../../lib/api/notifications';
import { type TMessage, truncateBytes } from './render-message';
import { outcomeOfStatus, type TSendOutcome } from './send-outcome';
import { dingtalkSign, feishuSign, webhookSignature } from './vendor-signing';

/** How much one message may carry, per vendor (WeCom's markdown is 4096 bytes; the others are looser). */
export const MAX_BYTES: Record<TChannelKind, number> = {
  feishu: 18_000,
  dingtalk: 18_000,
  wecom: 4096,
  slack: 35_000,
  webhook: 60_000,
  email: 200_000,
};

/** Vendors' error codes inside an HTTP 200 that mean "too fast, come back later". */
const RATE_CODES: Record<string, { codes: number[]; retryAfterMs: number }> = {
  feishu: { codes: [9499, 11232], retryAfterMs: 60_000 },
  // DingTalk throttles for 10 minutes after 20 a minute.
  dingtalk: { codes: [130101], retryAfterMs: 10 * 60_000 },
  wecom: { codes: [45009], retryAfterMs: 60_000 },
};

export interface TTarget {
  kind: TChannelKind;
  url: string | null;
  secret: string | null;
  recipients: string[];
}

export interface TSendInput {
  message: TMessage;
  /** the delivery id the webhook carries (X-Warroom-Delivery); a digest carries the first */
  deliveryId: string;
  event: string;
  room: string;
  incident?: unknown;
}

export interface TSendOptions {
  timeoutMs?: number;
  smtpUrl?: string;
  smtpFrom?: string;
  now?: () => number;
}

async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number) {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    const text = await res.text().catch(() => '');
    return { status: res.status, retryAfter: res.headers.get('retry-after'), text };
  } catch (err) {
    // The cause names an address and port, never the URL (which may hold the bot's key).
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    const name = (err as Error).name;
    return { error: name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : `network error${cause ? ` ${cause}` : ''}` };
  }
}

/** A chat vendor's JSON answer: code/errcode 0 is the only success, whatever the HTTP status said. */
function readVendorAnswer(kind: TChannelKind, text: string): TSendOutcome {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { ok: false, retryable: true, reason: `unreadable answer from ${kind}` };
  }
  const code = Number(body.code ?? body.errcode ?? body.StatusCode ?? 0);
  if (code === 0) return { ok: true };
  const msg = String(body.msg ?? body.errmsg ?? body.StatusMessage ?? '').slice(0, 200);
  const rate = RATE_CODES[kind];
  if (rate?.codes.includes(code)) return { ok: false, retryable: true, reason: `${kind} ${code}: ${msg}`, retryAfterMs: rate.retryAfterMs };
  if (kind === 'wecom' && code === 40058) return { ok: false, retryable: false, tooLong: true, reason: `wecom 40058: ${msg}` };
  // Bad signature, unknown bot, keyword mismatch, IP not allowed: sending again will not help.
  return { ok: false, retryable: false, reason: `${kind} ${code}: ${msg}` };
}

async function postJson(kind: TChannelKind, url: string, payload: unknown, timeoutMs: number): Promise<TSendOutcome> {
  const r = await post(url, JSON.stringify(payload), {}, timeoutMs);
  if ('error' in r) return { ok: false, retryable: true, reason: r.error ?? 'network error' };
  const byStatus = outcomeOfStatus(r.status, r.retryAfter);
  if (byStatus) return byStatus;
  if (kind === 'slack')
    return r.text.trim() === 'ok' || r.text.trim() === ''
      ? { ok: true }
      : { ok: false, retryable: false, reason: `slack: ${r.text.slice(0, 200)}` };
  return readVendorAnswer(kind, r.text);
}

/**
 * Sends one message to one channel, signed as its vendor checks, and reads
 * the answer (not just the status). WeCom's size refusal (40058) is met by
 * shortening to half and sending again at once.
 */
export async function sendToVendor(t: TTarget, input: TSendInput, opts: TSendOptions = {}): Promise<TSendOutcome> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const now = opts.now ?? Date.now;
  const { message } = input;
  const max = MAX_BYTES[t.kind];
  const text = truncateBytes(message.text, max);
  switch (t.kind) {
    case 'feishu': {
      const timestamp = Math.floor(now() / 1000);
      const sign = t.secret ? { timestamp: String(timestamp), sign: feishuSign(timestamp, t.secret) } : {};
      return postJson('feishu', t.url ?? '', { ...sign, msg_type: 'text', content: { text: text.replace(/\*\*/g, '') } }, timeoutMs);
    }
    case 'dingtalk': {
      let url = t.url ?? '';
      if (t.secret) {
        const timestamp = now();
        const sep = url.includes('?') ? '&' : '?';
        url = `${url}${sep}timestamp=${timestamp}&sign=${encodeURIComponent(dingtalkSign(timestamp, t.secret))}`;
      }
      return postJson('dingtalk', url, { msgtype: 'markdown', markdown: { title: message.title, text } }, timeoutMs);
    }
    case 'wecom': {
      let content = text;
      for (let i = 0; i < 3; i++) {
        const out = await postJson('wecom', t.url ?? '', { msgtype: 'markdown', markdown: { content } }, timeoutMs);
        if (out.ok || !out.tooLong) return out;
        content = truncateBytes(content, Math.floor(Buffer.byteLength(content) / 2));
      }
      return { ok: false, retryable: false, reason: 'wecom 40058: still too long after shortening' };
    }
    case 'slack':
      return postJson('slack', t.url ?? '', { text: text.replace(/\*\*/g, '*') }, timeoutMs);
    case 'webhook': {
      const body = JSON.stringify({
        id: input.deliveryId,
        event: input.event,
        room: input.room,
        ...(input.incident ? { incident: input.incident } : {}),
        text,
        sentAt: new Date(now()).toISOString(),
      });
      const headers: Record<string, string> = { 'x-warroom-delivery': input.deliveryId, 'x-warroom-event': input.event };
      if (t.secret) headers['x-warroom-signature'] = webhookSignature(Math.floor(now() / 1000), body, t.secret);
      const r = await post(t.url ?? '', body, headers, timeoutMs);
      if ('error' in r) return { ok: false, retryable: true, reason: r.error ?? 'network error' };
      return outcomeOfStatus(r.status, r.retryAfter) ?? { ok: true };
    }
    case 'email':
      return sendEmail(t, message, opts);
  }
}

async function sendEmail(t: TTarget, message: TMessage, opts: TSendOptions): Promise<TSendOutcome> {
  if (!opts.smtpUrl) return { ok: false, retryable: false, reason: 'WARROOM_SMTP_URL is not set' };
  const transport = nodemailer.createTransport(opts.smtpUrl, { connectionTimeout: opts.timeoutMs ?? 10_000 } as never);
  try {
    await transport.sendMail({
      from: opts.smtpFrom,
      to: t.recipients,
      subject: message.title,
      text: message.text.replace(/\*\*/g, ''),
      messageId: `<${randomUUID()}@warroom>`,
    });
    return { ok: true };
  } catch (err) {
    const code = (err as { responseCode?: number }).responseCode;
    // 5xx from SMTP is a permanent refusal (bad recipient, auth); anything else (4xx, network) may pass later.
    const permanent = code !== undefined && code >= 500;
    return { ok: false, retryable: !permanent, reason: `smtp${code ? ` ${code}` : ''}: ${(err as Error).message.slice(0, 200)}` };
  } finally {
    transport.close();
  }
}
