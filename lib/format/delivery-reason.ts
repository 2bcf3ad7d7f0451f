import type { TLocale } from './number';

/** Vendor names as a Chinese reader knows them (the server's reasons start with the channel kind). */
const VENDOR_ZH: Record<string, string> = {
  feishu: '飞书',
  dingtalk: '钉钉',
  wecom: '企业微信',
  slack: 'Slack',
  webhook: 'Webhook',
  email: '邮件',
};

/**
 * Why a delivery failed, in the reader's language. The outbox stores each
 * reason in English as server/services/notify/send-to-vendor.ts and
 * deliver.ts word it; the vendor's own message after a code is kept as the
 * vendor wrote it. Text of another shape is shown as it is.
 */
const ZH: [RegExp, (...m: string[]) => string][] = [
  [/^gave up at the deadline: (.*)$/s, (why) => `已到截止时间，放弃：${deliveryReasonIn(why, 'zh')}`],
  [/^HTTP (\d+)$/, (status) => `HTTP 状态码 ${status}`],
  [/^timed out after (\d+) ms$/, (ms) => `超时（${ms} 毫秒）`],
  [/^network error(?: (\S+))?$/, (code) => (code ? `网络错误（${code}）` : '网络错误')],
  [/^unreadable answer from (\w+)$/, (kind) => `${VENDOR_ZH[kind] ?? kind} 的应答无法解析`],
  [/^send failed: (.*)$/s, (why) => `发送失败：${why}`],
  [/^lease lost$/, () => '发送权已被其他进程接管'],
  [/^WARROOM_SMTP_URL is not set$/, () => '未设置 WARROOM_SMTP_URL'],
  [/^wecom 40058: still too long after shortening$/, () => '企业微信 40058：缩短后仍然过长'],
  [/^slack: (.*)$/s, (text) => `Slack：${text}`],
  [/^smtp(?: (\d+))?: (.*)$/s, (code, why) => `SMTP${code ? ` ${code}` : ''}：${why}`],
  [/^(feishu|dingtalk|wecom) (-?\d+): (.*)$/s, (kind, code, msg) => `${VENDOR_ZH[kind] ?? kind} ${code}：${msg}`],
];

export function deliveryReasonIn(text: string, locale: TLocale): string {
  if (locale === 'en') return text;
  for (const [re, zh] of ZH) {
    const m = re.exec(text);
    if (m) return zh(...m.slice(1).map((x) => x ?? ''));
  }
  return text;
}
