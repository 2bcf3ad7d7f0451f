import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from 'pure-rand';

const SPAN = 2 ** 30;

/** FNV-1a of a text: gives each series its own noise stream, so adding a series never shifts another's values. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A seeded source of noise (pure-rand's xoroshiro128+, advanced in place). */
export class Noise {
  private readonly rng: RandomGenerator;
  constructor(seed: number, stream: string) {
    this.rng = xoroshiro128plus((seed ^ hashText(stream)) | 0);
  }
  /** uniform in [0, 1) */
  uniform(): number {
    return unsafeUniformIntDistribution(0, SPAN - 1, this.rng) / SPAN;
  }
  /** standard normal (Box–Muller), clipped to ±3 so a jitter never turns into a spike */
  gaussian(): number {
    const u = 1 - this.uniform();
    const v = this.uniform();
    const g = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return Math.max(-3, Math.min(3, g));
  }
}
