import { describe, expect, it } from 'vitest';
import { deliveryReasonIn } from './delivery-reason';

describe('delivery failure reasons', () => {
  it('are read back in Chinese in every shape the outbox stores', () => {
    const cases: [string, string][] = [
      ['HTTP 400', 'HTTP 状态码 400'],
      ['timed out after 10000 ms', '超时（10000 毫秒）'],
      ['network error ECONNREFUSED', '网络错误（ECONNREFUSED）'],
      ['network error', '网络错误'],
      ['unreadable answer from feishu', '飞书 的应答无法解析'],
      ['dingtalk 310000: sign not match', '钉钉 310000：sign not match'],
      ['wecom 40058: still too long after shortening', '企业微信 40058：缩短后仍然过长'],
      ['slack: no_service', 'Slack：no_service'],
      ['smtp 550: mailbox unavailable', 'SMTP 550：mailbox unavailable'],
      ['WARROOM_SMTP_URL is not set', '未设置 WARROOM_SMTP_URL'],
      ['gave up at the deadline: HTTP 503', '已到截止时间，放弃：HTTP 状态码 503'],
    ];
    for (const [en, zh] of cases) {
      expect(deliveryReasonIn(en, 'en')).toBe(en);
      expect(deliveryReasonIn(en, 'zh')).toBe(zh);
    }
  });
  it('leaves text of an unknown shape as it is', () => {
    expect(deliveryReasonIn('something new', 'zh')).toBe('something new');
  });
});
