import type { TLocale } from './number';

/**
 * Why a probe check failed. The server words each reason in English when it
 * checks (the text is stored with the result and sent as is); screens show
 * it in their own language by reading the same shapes back. One table, so
 * the words written and the words read cannot drift apart.
 */
const REASONS = {
  timeout: { en: (ms: string) => `timed out after ${ms} ms`, re: /^timed out after (\d+) ms$/, zh: (ms: string) => `超时（${ms} 毫秒）` },
  dns: {
    en: (why: string) => `DNS: cannot resolve the host name (${why})`,
    re: /^DNS: cannot resolve the host name \((.*)\)$/,
    zh: (why: string) => `DNS：无法解析主机名（${why}）`,
  },
  refused: { en: () => 'connection refused', re: /^connection refused$/, zh: () => '连接被拒绝' },
  reset: { en: () => 'connection reset by the server', re: /^connection reset by the server$/, zh: () => '连接被服务器重置' },
  unreachable: {
    en: (code: string) => `address unreachable (${code})`,
    re: /^address unreachable \((.*)\)$/,
    zh: (code: string) => `地址不可达（${code}）`,
  },
  tls: { en: (why: string) => `TLS error: ${why}`, re: /^TLS error: (.*)$/, zh: (why: string) => `TLS 错误：${why}` },
  redirects: {
    en: () => 'too many redirects (a redirect loop?)',
    re: /^too many redirects \(a redirect loop\?\)$/,
    zh: () => '重定向次数过多（可能是重定向循环）',
  },
  failed: { en: (why: string) => `request failed: ${why}`, re: /^request failed: (.*)$/, zh: (why: string) => `请求失败：${why}` },
  status: {
    en: (got: string, want: string) => `status ${got}, expected ${want}`,
    re: /^status (\d+), expected (.*)$/,
    zh: (got: string, want: string) => `状态码 ${got}，期望 ${want.replaceAll(' or ', ' 或 ')}`,
  },
  tooLarge: {
    en: () => 'response body larger than 1 MiB (read stopped there)',
    re: /^response body larger than 1 MiB \(read stopped there\)$/,
    zh: () => '响应体超过 1 MiB（已停止读取）',
  },
  textMissing: {
    en: (text: string) => `expected text not found: "${text}"`,
    re: /^expected text not found: "(.*)"$/s,
    zh: (text: string) => `未找到期望的文本：“${text}”`,
  },
} satisfies Record<string, { en: (...a: string[]) => string; re: RegExp; zh: (...a: string[]) => string }>;

export type TProbeReason = keyof typeof REASONS;

/** A reason as the server stores it (English). */
export function probeReason<K extends TProbeReason>(kind: K, ...args: Parameters<(typeof REASONS)[K]['en']>): string {
  return (REASONS[kind].en as (...a: string[]) => string)(...args);
}

/** A stored reason in the reader's language; text of another shape (an older server's) is shown as it is. */
export function probeReasonIn(text: string, locale: TLocale): string {
  if (locale === 'en') return text;
  for (const r of Object.values(REASONS)) {
    const m = r.re.exec(text);
    if (m) return (r.zh as (...a: string[]) => string)(...m.slice(1));
  }
  return text;
}
