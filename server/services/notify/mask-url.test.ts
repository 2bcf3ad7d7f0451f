import { describe, expect, it } from 'vitest';
import { maskUrl } from './mask-url';

describe('maskUrl', () => {
  it("hides each vendor's credential, keeping the host and the last four characters", () => {
    const wecom = maskUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa');
    expect(wecom).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…5aaa');
    expect(maskUrl('https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdefXYZ')).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=…fXYZ',
    );
    expect(maskUrl('https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX')).toBe(
      'https://hooks.slack.com/services/T00000000/B00000000/…XXXX',
    );
    expect(maskUrl('https://open.feishu.cn/open-apis/bot/v2/hook/2c5f8a9e-1b7d-4f3a-9c1e-7d2b6a4e8f01')).toBe(
      'https://open.feishu.cn/open-apis/bot/v2/hook/…8f01',
    );
  });

  it('keeps a plain address whole and hides credentials in the authority', () => {
    expect(maskUrl('https://hooks.example.com/warroom/incidents')).toBe('https://hooks.example.com/warroom/incidents');
    expect(maskUrl('https://bot:hunter2@hooks.example.com/in')).toBe('https://…@hooks.example.com/in');
  });

  it('never returns an unparsable address as stored', () => {
    expect(maskUrl('not a url with secret-token-123456')).toBe('…3456');
  });
});
