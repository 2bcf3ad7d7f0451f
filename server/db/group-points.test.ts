import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelsKey } from '../../lib/series';
import { groupBySeries, groupPoints } from './sample-store';

const point = fc.record(
  {
    name: fc.constantFrom('users_total', 'cpu_ratio', 'mem_ratio'),
    value: fc.double({ noNaN: true, noDefaultInfinity: true }),
    time: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constant('1970-01-01T00:00:01.000Z')),
    labels: fc.dictionary(fc.constantFrom('server', 'zone', 'a'), fc.constantFrom('web-1', 'web-2', 'x'), { maxKeys: 3 }),
  },
  { requiredKeys: ['name', 'value'] },
);

describe('groupPoints', () => {
  it('groups validated points exactly as groupBySeries groups their rows', () => {
    fc.assert(
      fc.property(fc.array(point, { maxLength: 60 }), (points) => {
        const now = 9999;
        const rows = points.map((p) => ({
          name: p.name,
          labelsKey: labelsKey(p.labels),
          time: p.time === undefined ? now : typeof p.time === 'number' ? p.time : Date.parse(p.time),
          value: p.value,
        }));
        const byKey = (gs: ReturnType<typeof groupBySeries>) => Object.fromEntries(gs.map((g) => [`${g.name} ${g.labelsKey}`, g]));
        expect(byKey(groupPoints(points, now))).toEqual(byKey(groupBySeries(rows)));
      }),
    );
  });
});
