import { describe, expect, it } from 'vitest';
import type { TMoment } from '../api/night-report';
import { momentWords } from './moment-words';

const at = '2026-11-28T13:05:00.000Z';

describe('momentWords', () => {
  it('says each moment in the reader’s language', () => {
    const opened: TMoment = {
      at,
      kind: 'incident-opened',
      text: '#3 opened: 支付超时 (SEV2)',
      incidentNumber: 3,
      title: '支付超时',
      severity: 'SEV2',
    };
    expect(momentWords(opened, 'zh')).toBe('#3 开启：支付超时（SEV2）');
    expect(momentWords(opened, 'en')).toBe('#3 opened: 支付超时 (SEV2)');
    const claimed: TMoment = { at, kind: 'incident-claimed', text: '#3 claimed by 梅林', incidentNumber: 3, who: '梅林' };
    expect(momentWords(claimed, 'zh')).toBe('#3 由 梅林 认领');
    const assigned: TMoment = { ...claimed, text: '#3 assigned to 梅林 by Lea', by: 'Lea' };
    expect(momentWords(assigned, 'en')).toBe('#3 assigned to 梅林 by Lea');
    expect(momentWords(assigned, 'zh')).toBe('#3 由 Lea 指派给 梅林');
    const handover: TMoment = { at, kind: 'handover', text: 'Handover from A to B', who: 'A', to: 'B' };
    expect(momentWords(handover, 'zh')).toBe('A 交班给 B');
    expect(momentWords({ at, kind: 'milestone', text: 'Milestone: 100万用户', title: '100万用户' }, 'zh')).toBe('里程碑：100万用户');
    expect(momentWords({ at, kind: 'go-live', text: 'Go-live' }, 'zh')).toBe('上线');
  });
  it('falls back to the stored text when a field is missing', () => {
    expect(momentWords({ at, kind: 'incident-opened', text: '#1 opened: x (SEV1)', incidentNumber: 1 }, 'zh')).toBe('#1 opened: x (SEV1)');
  });
});
