import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendToVendor } from '../../server/services/notify/send-to-vendor';
import { startChatStandIn, type TChatMessage, type TChatStandIn } from './chat-stand-in';

describe("the demo's DingTalk stand-in", () => {
  let chat: TChatStandIn;
  const logged: TChatMessage[] = [];
  beforeAll(async () => {
    chat = await startChatStandIn((m) => logged.push(m));
  });
  afterAll(() => chat.close());

  const send = (secret: string, url = chat.webhookUrl) =>
    sendToVendor(
      { kind: 'dingtalk', url, secret, recipients: [] },
      {
        message: { title: '[SEV1] #1 Dirty records — opened', text: '**[SEV1] #1 Dirty records — opened**' },
        deliveryId: 'd1',
        event: 'incident.opened',
        room: 'demo',
      },
    );

  it('takes a message signed as DingTalk checks it, and hands it to the log', async () => {
    expect(await send(chat.secret)).toEqual({ ok: true });
    expect(logged.map((m) => m.title)).toEqual(['[SEV1] #1 Dirty records — opened']);
  });

  it("refuses a wrong signature or token with DingTalk's own error codes", async () => {
    expect(await send('SECwrong')).toMatchObject({ ok: false, retryable: false, reason: expect.stringContaining('310000') });
    expect(await send(chat.secret, chat.webhookUrl.replace(/access_token=\w+/, 'access_token=nope'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('300001'),
    });
    expect(logged).toHaveLength(1);
  });
});
