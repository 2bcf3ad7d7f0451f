import { describe, expect, it } from 'vitest';
import { severityPasses } from './enqueue-notification';
import { capacityLine, formatDuration, headline, renderDigest, renderMessage } from './render-message';
import { parseRetryAfter } from './send-outcome';

const opened = Date.parse('2026-12-06T12:00:00Z');
const facts = {
  room: { slug: 'launch', name: 'Launch night', locale: 'zh' },
  incident: {
    id: 'i',
    number: 12,
    title: 'Checkout down',
    severity: 'SEV1',
    status: 'identified',
    owner: null,
    openedAt: new Date(opened).toISOString(),
  },
  from: 'investigating',
};

describe('messages', () => {
  it('say severity, room, number and title, status, owner or unclaimed, how long, and the link — in en and zh', () => {
    const en = renderMessage({ event: 'incident.status', facts }, 'en', 'https://war.example/', opened + 7 * 60_000);
    expect(en.title).toBe('[SEV1] #12 Checkout down — status changed');
    expect(en.text).toContain('Room: Launch night');
    expect(en.text).toContain('investigating → identified · **unclaimed** · open 7 min');
    expect(en.text).toContain('https://war.example/incidents/12?room=launch');
    const zh = renderMessage(
      { event: 'incident.status', facts: { ...facts, incident: { ...facts.incident, owner: '王芳' } } },
      'zh',
      'https://war.example',
      opened + 65 * 60_000,
    );
    expect(zh.text).toContain('房间：Launch night');
    expect(zh.text).toContain('调查中 → 已定位 · 负责人: 王芳 · 已持续 1 小时 5 分钟');
    expect(headline({ event: 'probe.down', facts: { room: facts.room, probe: { name: 'api', url: 'http://x', error: null } } }, 'zh')).toBe(
      'api — 探测失败',
    );
    expect(formatDuration(59_000, 'en')).toBe('0 min');
  });

  it('a digest names every incident, shortened to numbers when the vendor limit needs it', () => {
    const items = Array.from({ length: 200 }, (_, n) => ({
      event: 'incident.opened' as const,
      facts: { ...facts, incident: { ...facts.incident, number: n + 1, title: `A fairly long incident title number ${n + 1}` } },
    }));
    const roomy = renderDigest(items, 'en', 'http://h', 18_000);
    expect(roomy.text).toContain('A fairly long incident title number 200');
    const tight = renderDigest(items, 'en', 'http://h', 4096);
    expect(Buffer.byteLength(tight.text)).toBeLessThanOrEqual(4096);
    for (let n = 1; n <= 200; n++) expect(tight.text).toMatch(new RegExp(`#${n}\\b`));
  });

  it('a capacity warning carries the forecast, in en and zh', () => {
    const capacity = { utilization: 0.92, fullInMs: 12 * 60_000, nPlusOneInMs: 4 * 60_000 };
    expect(capacityLine(capacity, 'en')).toBe('pool 92 % · full in ~12 min · N+1 in ~4 min');
    expect(capacityLine(capacity, 'zh')).toBe('资源池 92 % · 约 12分钟后满载 · N+1 约 4分钟');
    expect(capacityLine({ utilization: 1.1, fullInMs: 0, nPlusOneInMs: 0 }, 'en')).toBe('pool 110 % · full now · N+1 full now');
    expect(capacityLine({ utilization: null, fullInMs: null, nPlusOneInMs: null }, 'zh')).toBe('资源池 – · 预测范围内不会满载');
    const m = renderMessage({ event: 'capacity.warning', facts: { ...facts, capacity } }, 'en', 'https://w.example', opened);
    expect(m.title).toBe('[SEV1] #12 Checkout down — capacity warning');
    expect(m.text).toContain('pool 92 % · full in ~12 min · N+1 in ~4 min');
  });

  it('an escalation says from which severity, in en and zh', () => {
    const raised = { ...facts, from: undefined, fromSeverity: 'SEV3' };
    const en = renderMessage({ event: 'incident.escalated', facts: raised }, 'en', 'https://w.example', opened + 60_000);
    expect(en.title).toBe('[SEV1] #12 Checkout down — escalated');
    expect(en.text).toContain('severity: SEV3 → SEV1');
    const zh = renderMessage({ event: 'incident.escalated', facts: raised }, 'zh', 'https://w.example', opened + 60_000);
    expect(zh.title).toBe('[SEV1] #12 Checkout down — 已升级');
    expect(zh.text).toContain('级别: SEV3 → SEV1');
  });

  it('minimum severity and Retry-After', () => {
    expect(severityPasses('SEV1', 'SEV2')).toBe(true);
    expect(severityPasses('SEV3', 'SEV2')).toBe(false);
    expect(severityPasses(null, 'SEV1')).toBe(true);
    expect(parseRetryAfter('30')).toBe(30_000);
    expect(parseRetryAfter(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThan(50_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
