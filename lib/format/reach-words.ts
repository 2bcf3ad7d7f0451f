import type { TChannelKind, TChannelProblem } from '../api/notifications';
import { formatDuration } from './duration';
import { formatTimeOfDay } from './time';
import type { TLocale } from './number';

/** Each channel kind as people call it, in the room's language. */
const CHANNEL_KIND_WORDS: Record<TLocale, Record<TChannelKind, string>> = {
  en: { feishu: 'Feishu', dingtalk: 'DingTalk', wecom: 'WeCom', slack: 'Slack', webhook: 'Webhook', email: 'Email' },
  zh: { feishu: '飞书', dingtalk: '钉钉', wecom: '企业微信', slack: 'Slack', webhook: 'Webhook', email: '邮件' },
};

/**
 * "DingTalk “ops” failing since 12:03 · 14 min" / "钉钉「ops」自 12:03 起发送失败 · 14分钟":
 * a channel the room cannot reach people through, since when on the room's
 * clock, and how long that is (it ages like every value on the screen).
 */
export function channelFailingText(c: TChannelProblem, now: number, locale: TLocale, timeZone: string): string {
  const since = Date.parse(c.failingSince);
  const time = formatTimeOfDay(since, timeZone);
  const age = formatDuration(now - since, locale);
  const kind = CHANNEL_KIND_WORDS[locale][c.kind];
  return locale === 'zh' ? `${kind}「${c.name}」自 ${time} 起发送失败 · ${age}` : `${kind} “${c.name}” failing since ${time} · ${age}`;
}
