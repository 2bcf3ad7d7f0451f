import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeChat, type TFakeChat } from '../../../tests/helpers/fake-chat';
import { sendToVendor, type TTarget } from './send-to-vendor';
import { retryDelayMs } from './send-outcome';

const msg = {
  message: { title: '[SEV1] #1 Checkout down — opened', text: '**[SEV1] #1 Checkout down — opened**' },
  deliveryId: 'd1',
  event: 'incident.opened',
  room: 'launch',
};

describe('senders against vendors that check signatures', () => {
  let chat: TFakeChat;
  const t = (kind: TTarget['kind'], path: string, secret: string | null): TTarget => ({
    kind,
    url: `${chat.url}${path}`,
    secret,
    recipients: [],
  });
  beforeAll(async () => {
    chat = await startFakeChat();
  });
  afterAll(() => chat.close());

  it('signs Feishu, DingTalk and the webhook as each checks, and reads a refusal inside HTTP 200', async () => {
    expect(await sendToVendor(t('feishu', '/feishu/open-apis/bot/v2/hook/abc', chat.secrets.feishu), msg)).toEqual({ ok: true });
    expect(await sendToVendor(t('dingtalk', '/dingtalk/robot/send?access_token=tok', chat.secrets.dingtalk), msg)).toEqual({ ok: true });
    expect(await sendToVendor(t('webhook', '/webhook/1', chat.secrets.webhook), msg)).toEqual({ ok: true });
    expect(await sendToVendor(t('wecom', `/wecom/cgi-bin/webhook/send?key=${chat.secrets.wecomKey}`, null), msg)).toEqual({ ok: true });
    expect(await sendToVendor(t('slack', '/slack/services/T1', null), msg)).toEqual({ ok: true });
    expect(chat.messages.map((m) => m.vendor)).toEqual(['feishu', 'dingtalk', 'webhook', 'wecom', 'slack']);
    // Wrong secrets: the vendors' bad-signature answers (Feishu 19021 and DingTalk 310000 inside a 200, the webhook 401) are permanent.
    const f = await sendToVendor(t('feishu', '/feishu/open-apis/bot/v2/hook/abc', 'wrong'), msg);
    expect(f).toMatchObject({ ok: false, retryable: false, reason: expect.stringContaining('19021') });
    const d = await sendToVendor(t('dingtalk', '/dingtalk/robot/send?access_token=tok', 'wrong'), msg);
    expect(d).toMatchObject({ ok: false, retryable: false, reason: expect.stringContaining('310000') });
    expect(await sendToVendor(t('webhook', '/webhook/1', 'wrong'), msg)).toMatchObject({ ok: false, retryable: false, reason: 'HTTP 401' });
    expect(await sendToVendor(t('slack', '/slack/services/removed', null), msg)).toMatchObject({
      ok: false,
      retryable: false,
      reason: 'HTTP 404',
    });
  });

  it('retries vendor rate-limit codes, 5xx and 429 with Retry-After; shortens WeCom past 40058', async () => {
    chat.failNext('dingtalk', 1, { status: 200, body: { errcode: 130101, errmsg: 'send too fast' } });
    expect(await sendToVendor(t('dingtalk', '/dingtalk/robot/send?access_token=tok', chat.secrets.dingtalk), msg)).toMatchObject({
      ok: false,
      retryable: true,
    });
    chat.failNext('feishu', 1, { status: 200, body: { code: 11232, msg: 'frequency limited' } });
    expect(await sendToVendor(t('feishu', '/feishu/open-apis/bot/v2/hook/abc', chat.secrets.feishu), msg)).toMatchObject({
      retryable: true,
    });
    chat.failNext('wecom', 1, { status: 200, body: { errcode: 45009, errmsg: 'api freq out of limit' } });
    expect(await sendToVendor(t('wecom', `/wecom/cgi-bin/webhook/send?key=${chat.secrets.wecomKey}`, null), msg)).toMatchObject({
      retryable: true,
    });
    chat.failNext('slack', 1, { status: 429, body: 'rate_limited', headers: { 'retry-after': '30' } });
    expect(await sendToVendor(t('slack', '/slack/services/T1', null), msg)).toMatchObject({ retryable: true, retryAfterMs: 30_000 });
    chat.failNext('webhook', 1, { status: 503, body: { error: 'down' } });
    expect(await sendToVendor(t('webhook', '/webhook/1', chat.secrets.webhook), msg)).toMatchObject({
      retryable: true,
      reason: 'HTTP 503',
    });
    expect(await sendToVendor({ kind: 'webhook', url: 'http://127.0.0.1:9/x', secret: null, recipients: [] }, msg)).toMatchObject({
      retryable: true,
      reason: expect.stringContaining('network error'),
    });
    // The vendor refuses the size once (as if its limit were lower): shortened and sent again at once.
    chat.failNext('wecom', 1, { status: 200, body: { errcode: 40058, errmsg: 'markdown.content exceed max length 4096' } });
    const before = chat.messages.length;
    const long = { ...msg, message: { title: 't', text: '事件'.repeat(3000) } };
    expect(await sendToVendor(t('wecom', `/wecom/cgi-bin/webhook/send?key=${chat.secrets.wecomKey}`, null), long)).toEqual({ ok: true });
    const sent = chat.messages.at(-1);
    expect(chat.messages.length).toBe(before + 1);
    expect(Buffer.byteLength(sent?.text ?? '')).toBeLessThanOrEqual(2048);
  });

  it('backs off from about 10 s, doubling to 10 min, never before Retry-After', () => {
    expect(retryDelayMs(1, undefined, () => 1)).toBe(10_000);
    expect(retryDelayMs(1, undefined, () => 0)).toBe(5_000);
    expect(retryDelayMs(3, undefined, () => 1)).toBe(40_000);
    expect(retryDelayMs(20, undefined, () => 1)).toBe(600_000);
    expect(retryDelayMs(1, 120_000, () => 1)).toBe(120_000);
  });
});
