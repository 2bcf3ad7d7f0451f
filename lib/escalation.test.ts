import { describe, expect, it } from 'vitest';
import { DEFAULT_ESCALATION, noticesDue, parseEscalation } from './escalation';

describe('escalation', () => {
  it('owes one notice per interval since opening', () => {
    const t0 = Date.parse('2026-12-06T12:00:00Z');
    expect(noticesDue(t0, t0 + 4 * 60_000 + 59_000, 5)).toBe(0);
    expect(noticesDue(t0, t0 + 5 * 60_000, 5)).toBe(1);
    expect(noticesDue(t0, t0 + 16 * 60_000, 5)).toBe(3);
    expect(noticesDue(t0, t0 + 60 * 60_000, null)).toBe(0);
  });
  it('defaults to SEV1 5 and SEV2 15 minutes', () => {
    expect(parseEscalation(null)).toEqual(DEFAULT_ESCALATION);
    expect(parseEscalation(JSON.stringify({ SEV1: 2, SEV2: null, SEV3: 30, SEV4: null })).SEV1).toBe(2);
  });
});
