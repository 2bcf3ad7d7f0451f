import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, loadScenario } from './load-scenario';
import { replayCapacity } from './capacity-replay';

const MIN = 60_000;
const MIDNIGHT = (3 * 60 + 41) * MIN;

describe('the demo night capacity story', () => {
  const scenario = loadScenario(DEFAULT_SCENARIO);

  it.each([1, 2, 3])('seed %i: the warning first appears as web-3 is drained during the climb, before the pool saturates', (seed) => {
    const r = replayCapacity(scenario, seed, MIDNIGHT + 60 * MIN);
    expect(r.drain?.server).toBe('web-3');
    const drainAt = r.drain?.at ?? Number.NaN;
    expect(drainAt).toBeLessThan(MIDNIGHT); // during the climb
    // Nothing earlier in the night: one warning, raised within minutes of the drain …
    expect(r.log.filter((l) => l.step === 'fire')).toHaveLength(1);
    expect(r.firstWarning).not.toBeNull();
    expect(Math.abs((r.firstWarning ?? 0) - drainAt)).toBeLessThanOrEqual(5 * MIN);
    // … and before the load reaches the limit of the healthy pool.
    expect(r.firstFull).not.toBeNull();
    expect(r.firstWarning ?? 0).toBeLessThan(r.firstFull ?? 0);
  });
});
