import { describe, expect, it } from 'vitest';
import type { TReport } from '../../../lib/api/night-report';
import { formatStamp } from '../../../lib/night/format';
import { reportToMarkdown } from './report-markdown';
import { sourceOf } from './report-incidents';

const REPORT: TReport = {
  room: { slug: 'launch', name: 'Launch night', timeZone: 'Asia/Shanghai', locale: 'en' },
  from: '2026-11-28T12:00:00.000Z',
  to: '2026-11-29T01:30:00.000Z',
  generatedAt: '2026-11-29T01:30:00.000Z',
  figures: {
    users: { start: 1_250_000, end: 8_070_000, peak: 8_070_000, peakAt: '2026-11-29T01:29:00.000Z' },
    online: { peak: 412_000, peakAt: '2026-11-28T14:30:00.000Z' },
    fastestGrowth: {
      perMinute: { value: 21_000, at: '2026-11-28T12:30:00.000Z' },
      perHour: { value: 1_040_000, at: '2026-11-28T13:19:00.000Z' },
    },
    plan: { series: 'users_total', ratio: 0.042, planned: 7_744_721, actual: 8_070_000, at: '2026-11-29T01:29:00.000Z' },
  },
  milestones: [{ id: 'm', seriesName: 'users_total', threshold: 2e6, label: '2M users', reachedAt: '2026-11-28T13:05:00.000Z' }],
  incidents: [
    {
      id: 'i',
      number: 3,
      title: 'Dirty | records',
      severity: 'SEV1',
      status: 'resolved',
      source: { kind: 'rule', key: null, name: 'dirty ratio high on web-7' },
      openedAt: '2026-11-28T13:00:00.000Z',
      claimedAt: '2026-11-28T13:02:00.000Z',
      claimedAfterSeconds: 120,
      resolvedAt: '2026-11-28T15:00:00.000Z',
      resolvedAfterSeconds: 7200,
      owner: { id: 'u', name: 'Qian Lan' },
    },
  ],
  timeToClaim: { median: 120, p90: 120, count: 1 },
  timeToResolve: { median: 7200, p90: 7200, count: 1 },
  people: [{ person: { id: 'u', name: 'Qian Lan' }, incidentsOwned: 1, claims: 1, posts: 4 }],
  handovers: [],
  timeline: [{ at: '2026-11-28T13:00:00.000Z', kind: 'incident-opened', text: '#3 opened: Dirty | records (SEV1)', incidentNumber: 3 }],
  chart: { users: [], online: [], plans: [], minutes: [] },
};

describe('report as Markdown', () => {
  it('says the figures on the room clock and escapes table cells', () => {
    const md = reportToMarkdown(REPORT);
    expect(md).toContain('2026-11-28 20:00 → 2026-11-29 09:30 (Asia/Shanghai)');
    expect(md).toContain('- Registered users: 1,250,000 → 8,070,000, peak 8,070,000 at 2026-11-29 09:29');
    expect(md).toContain('- Against the plan: +4.2 %');
    expect(md).toContain('| 3 | Dirty \\| records | SEV1 | rule: dirty ratio high on web-7 | 2026-11-28 21:00 | 2 min | 2 h | Qian Lan |');
    expect(md).toContain('| Qian Lan | 1 | 1 | 4 |');
    expect(md).toContain('- 2M users: 2026-11-28 21:05');
  });
  it('maps stored sources to the contract', () => {
    expect(sourceOf('manual', null)).toBeNull();
    // A rule's or probe's key is an internal id: only its name is said.
    expect(sourceOf('threshold', 'k', 'dirty ratio high')).toEqual({ kind: 'rule', key: null, name: 'dirty ratio high' });
    expect(sourceOf('alert', 'g', 'NodeDown')).toEqual({ kind: 'alertmanager', key: 'g', name: 'NodeDown' });
    expect(sourceOf('probe', 'p', 'checkout API')).toEqual({ kind: 'probe', key: null, name: 'checkout API' });
  });
  it('stamps midnight as 00, not 24', () => {
    expect(formatStamp('2026-11-28T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-29 00:00');
  });
});
