import { describe, expect, it } from 'vitest';
import { channelFailingText } from './reach-words';
import { unclaimedFor } from './state-words';

describe('what the wall and the phone say about reach', () => {
  const since = Date.parse('2026-12-06T04:03:00Z');
  const c = { id: 'c', name: 'ops', kind: 'dingtalk' as const, failingSince: new Date(since).toISOString(), lastError: null };
  it('a failing channel: its kind and name, since when on the room clock, and how long', () => {
    expect(channelFailingText(c, since + 14 * 60_000, 'en', 'Asia/Shanghai')).toBe('DingTalk “ops” failing since 12:03 · 14 min');
    expect(channelFailingText(c, since + 65 * 60_000, 'zh', 'Asia/Shanghai')).toBe('钉钉「ops」自 12:03 起发送失败 · 1小时5分钟');
  });
  it('an unclaimed incident: how long it has waited', () => {
    expect(unclaimedFor(6 * 60_000 + 5000, 'en')).toBe('unclaimed 6 min');
    expect(unclaimedFor(6 * 60_000, 'zh')).toBe('无人认领 6分钟');
    expect(unclaimedFor(42_000, 'en')).toBe('unclaimed 42 s');
  });
});
