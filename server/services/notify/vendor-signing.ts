import { createHmac } from 'node:crypto';

/** Feishu/Lark custom bot: base64(HMAC-SHA256 keyed by "timestamp\nsecret" over an empty message); timestamp in seconds. */
export function feishuSign(timestampSeconds: number, secret: string): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/** DingTalk robot: base64(HMAC-SHA256 keyed by the secret over "timestamp\nsecret"), before URL-encoding; timestamp in ms. */
export function dingtalkSign(timestampMs: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** Generic webhook: "t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>". */
export function webhookSignature(timestampSeconds: number, body: string, secret: string): string {
  const v1 = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${v1}`;
}
