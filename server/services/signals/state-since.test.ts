import { describe, expect, it } from 'vitest';
import { formatSince, probeStateSince } from '../../../lib/format/since';
import { nextStateSince } from './record-probe-result';

const at = (s: number) => new Date(Date.UTC(2026, 11, 6, 4, 0, s));
const r = (s: number, ok: boolean) => ({ at: at(s).toISOString(), ok, latencyMs: 1 });

describe('when a probe state began', () => {
  it('down begins at the first failure of the run, and holds while it stays down', () => {
    const recent = [r(0, true), r(5, false), r(10, false), r(15, false)];
    const down = nextStateSince({ state: 'up', stateSince: at(-600) }, 'down', recent, at(15));
    expect(down).toEqual(at(5));
    // Hours later, with the kept results long past that failure, it still counts from there.
    expect(nextStateSince({ state: 'down', stateSince: down }, 'down', [r(9000, false)], at(9000))).toEqual(at(5));
    expect(nextStateSince({ state: 'down', stateSince: down }, 'up', [r(9005, true)], at(9005))).toEqual(at(9005));
  });

  it('says the duration from the stored start, falling back to the kept results for older rows', () => {
    expect(formatSince(at(0).toISOString(), at(16 * 60).getTime(), 'en')).toBe('16 min');
    expect(formatSince(null, 1, 'en')).toBeNull();
    expect(probeStateSince({ state: 'down', stateSince: null, recent: [r(0, true), r(5, false), r(10, false)] })).toBe(at(5).toISOString());
    expect(probeStateSince({ state: 'up', stateSince: null, recent: [r(0, true)] })).toBeNull();
  });
});
