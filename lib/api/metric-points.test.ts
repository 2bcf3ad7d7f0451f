import { describe, expect, it } from 'vitest';
import { isPlainValidPoint, ZIngestBody, ZMetricPoint } from './metric-points';

/** A small seeded generator (mulberry32): the same points every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['users_total', 'cpu_ratio', 'a:b', '_x', '9bad', 'bad name', '', 'x'.repeat(200), 'x'.repeat(201), 'é'];
const LABEL_KEYS = ['server', '_k', 'k9', '9k', 'bad-key', '', '__proto__', 'constructor', 'x'.repeat(100), 'x'.repeat(101)];
const VALUES: unknown[] = [0, -1.5, 1e300, 42, '1', null, true, [], {}, Number.MAX_VALUE];
const TIMES: unknown[] = [
  undefined,
  0,
  1_700_000_000_000,
  8.64e15,
  8.64e15 + 1,
  -1,
  1.5,
  '2026-11-23T10:00:00Z',
  '2026-11-23',
  'yesterday',
  null,
  2 ** 53,
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function randomPoint(r: () => number): unknown {
  if (r() < 0.03) return pick(r, [null, 1, 'p', [], [1]]);
  const p: Record<string, unknown> = {};
  if (r() < 0.97) p.name = pick(r, NAMES);
  if (r() < 0.97) p.value = pick(r, VALUES);
  const time = pick(r, TIMES);
  if (time !== undefined || r() < 0.1) p.time = time;
  if (r() < 0.7) {
    const labels: Record<string, unknown> = JSON.parse('{}');
    const n = r() < 0.05 ? 17 : Math.floor(r() * 4);
    for (let i = 0; i < n; i++) {
      const k = n > 4 ? `k${i}` : pick(r, LABEL_KEYS);
      labels[k] = r() < 0.9 ? pick(r, ['web-3', '', 'y'.repeat(200), 'y'.repeat(201)]) : pick(r, [1, null, {}]);
    }
    // JSON.parse makes "__proto__" an own key, as a request body would.
    p.labels = r() < 0.05 ? pick(r, [null, 'x', [], 3]) : JSON.parse(JSON.stringify(labels));
  }
  if (r() < 0.03) p.colour = 'red';
  return r() < 0.5 ? JSON.parse(JSON.stringify(p)) : p;
}

describe('isPlainValidPoint, the ingest fast path', () => {
  it('never accepts a point ZMetricPoint refuses (20,000 generated points)', () => {
    const r = rng(42);
    let fast = 0;
    for (let i = 0; i < 20_000; i++) {
      const p = randomPoint(r);
      if (isPlainValidPoint(p)) {
        fast++;
        const z = ZMetricPoint.safeParse(p);
        expect(z.success, JSON.stringify(p)).toBe(true);
        expect(z.data).toEqual(p);
      }
    }
    // And it does take the common case: otherwise it would not be a fast path.
    expect(fast).toBeGreaterThan(500);
  });

  it('takes ordinary producer points', () => {
    expect(isPlainValidPoint({ name: 'users_total', value: 1_250_000, time: 1_795_000_000_000 })).toBe(true);
    expect(isPlainValidPoint({ name: 'cpu_ratio', value: 0.4, labels: { server: 'web-3' } })).toBe(true);
  });

  it('leaves ISO times to zod, which accepts them', () => {
    const p = { name: 'users_total', value: 1, time: '2026-11-23T10:00:00+08:00' };
    expect(isPlainValidPoint(p)).toBe(false);
    expect(ZIngestBody.parse({ points: [p] }).points[0]).toEqual(p);
  });
});

describe('ZIngestBody', () => {
  it('names each bad point and field', () => {
    const r = ZIngestBody.safeParse({
      points: [
        { name: 'ok', value: 1 },
        { name: 'users_total', value: 'lots' },
        { name: 'bad name', value: 1, colour: 'red' },
      ],
    });
    expect(r.success).toBe(false);
    const fields = r.error!.issues.map((i) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['points.1.value', 'points.2.name']));
    expect(fields.some((f) => f.startsWith('points.2'))).toBe(true);
    expect(fields.some((f) => f.startsWith('points.0'))).toBe(false);
  });
});
