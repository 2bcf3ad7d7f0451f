import { describe, expect, it } from 'vitest';
import { probeReason, probeReasonIn, type TProbeReason } from './probe-reason';

/** One stored reason of every kind, as server/services/signals/check-http.ts words them. */
const SAMPLES: Record<TProbeReason, [string, string]> = {
  timeout: [probeReason('timeout', '5000'), '超时（5000 毫秒）'],
  dns: [probeReason('dns', 'ENOTFOUND'), 'DNS：无法解析主机名（ENOTFOUND）'],
  refused: [probeReason('refused'), '连接被拒绝'],
  reset: [probeReason('reset'), '连接被服务器重置'],
  unreachable: [probeReason('unreachable', 'EHOSTUNREACH'), '地址不可达（EHOSTUNREACH）'],
  tls: [probeReason('tls', 'CERT_HAS_EXPIRED'), 'TLS 错误：CERT_HAS_EXPIRED'],
  redirects: [probeReason('redirects'), '重定向次数过多（可能是重定向循环）'],
  failed: [probeReason('failed', 'bad port'), '请求失败：bad port'],
  status: [probeReason('status', '503', '200 or 204'), '状态码 503，期望 200 或 204'],
  tooLarge: [probeReason('tooLarge'), '响应体超过 1 MiB（已停止读取）'],
  textMissing: [probeReason('textMissing', 'ok\n"all"'), '未找到期望的文本：“ok\n"all"”'],
};

describe('probe failure reasons', () => {
  it('are stored in English and read back in Chinese, every kind', () => {
    for (const [kind, [en, zh]] of Object.entries(SAMPLES)) {
      expect(probeReasonIn(en, 'en'), kind).toBe(en);
      expect(probeReasonIn(en, 'zh'), kind).toBe(zh);
    }
  });

  it('the English words are what the checks wrote before (stored results keep reading the same)', () => {
    expect(SAMPLES.timeout[0]).toBe('timed out after 5000 ms');
    expect(SAMPLES.status[0]).toBe('status 503, expected 200 or 204');
    expect(SAMPLES.textMissing[0]).toBe('expected text not found: "ok\n"all""');
  });

  it('text of another shape is shown as it is', () => {
    expect(probeReasonIn('something new from a later server', 'zh')).toBe('something new from a later server');
  });
});
