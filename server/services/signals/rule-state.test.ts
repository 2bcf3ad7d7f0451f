import { describe, expect, it } from 'vitest';
import { freshWindow, stepWindow } from './rule-state';

const spec = { when: 'above' as const, threshold: 0.002, forSeconds: 300 };

describe('rule windows on the points’ clock', () => {
  it('fires only after the value stays beyond for forSeconds, and recovers after as long within', () => {
    const s = freshWindow();
    const t0 = 1_800_000_000_000;
    expect(stepWindow(spec, s, t0, 0.003)).toBe(null);
    expect(stepWindow(spec, s, t0 + 299_000, 0.004)).toBe(null);
    expect(stepWindow(spec, s, t0 + 300_000, 0.003)).toBe('fire');
    expect(stepWindow(spec, s, t0 + 310_000, 0.005)).toBe(null);
    expect(stepWindow(spec, s, t0 + 320_000, 0.001)).toBe(null);
    // Beyond again resets the recovery window.
    expect(stepWindow(spec, s, t0 + 330_000, 0.003)).toBe(null);
    expect(stepWindow(spec, s, t0 + 340_000, 0.001)).toBe(null);
    expect(stepWindow(spec, s, t0 + 639_000, 0.001)).toBe(null);
    expect(stepWindow(spec, s, t0 + 640_000, 0.001)).toBe('recover');
    expect(s.firing).toBe(false);
  });

  it('a dip within the for-window starts it again', () => {
    const s = freshWindow();
    expect(stepWindow(spec, s, 0, 1)).toBe(null);
    expect(stepWindow(spec, s, 200_000, 0)).toBe(null);
    expect(stepWindow(spec, s, 300_000, 1)).toBe(null);
    expect(stepWindow(spec, s, 599_000, 1)).toBe(null);
    expect(stepWindow(spec, s, 600_000, 1)).toBe('fire');
  });

  it('below rules and forSeconds 0 fire on the first point', () => {
    const s = freshWindow();
    expect(stepWindow({ when: 'below', threshold: 10, forSeconds: 0 }, s, 5, 9)).toBe('fire');
    expect(stepWindow({ when: 'below', threshold: 10, forSeconds: 0 }, s, 6, 11)).toBe('recover');
  });
});
