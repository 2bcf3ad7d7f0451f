import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, ZDuration, ZQuantity } from './scenario-events';

describe('scenario durations and quantities', () => {
  it('reads durations relative to go-live', () => {
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('10m')).toBe(600);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('-30m')).toBe(-1800);
    expect(parseDuration('13h11m5s')).toBe(47465);
    for (const bad of ['', '10', 'm', '1d', '1h-5m', '10 minutes']) expect(parseDuration(bad)).toBeNull();
  });

  it('formats durations back', () => {
    expect(formatDuration(5400)).toBe('1h30m');
    expect(formatDuration(-1800)).toBe('-30m');
    expect(formatDuration(0)).toBe('0');
    expect(formatDuration(47465)).toBe('13h11m5s');
  });

  it('refuses a bare number other than 0 as a duration, saying how to write one', () => {
    expect(ZDuration.parse(0)).toBe(0);
    const r = ZDuration.safeParse(10);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/with a unit, e\.g\. 90s/);
  });

  it('reads quantities with K/M suffixes', () => {
    expect(ZQuantity.parse('1.25M')).toBe(1_250_000);
    expect(ZQuantity.parse('35k')).toBe(35_000);
    expect(ZQuantity.parse(0.003)).toBe(0.003);
    expect(ZQuantity.safeParse('lots').error!.issues[0]!.message).toMatch(/"lots" is not a number/);
  });
});
