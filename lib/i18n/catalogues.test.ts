import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

/** Every leaf key of a catalogue, dotted: "incident.composer.post". */
function keys(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
/** The {placeholders} a message uses. */
function args(m: string): string[] {
  return [...m.matchAll(/\{(\w+)/g)].map((x) => x[1] ?? '').sort();
}
function leaf(o: unknown, path: string): string {
  return path.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], o) as string;
}

describe('message catalogues', () => {
  it('en and zh have the same keys: a missing translation fails here', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });
  it('every message is non-empty text and uses the same placeholders in both languages', () => {
    for (const k of keys(en)) {
      expect(typeof leaf(en, k), k).toBe('string');
      expect(leaf(zh, k).trim(), k).not.toBe('');
      expect(args(leaf(zh, k)), k).toEqual(args(leaf(en, k)));
    }
  });
  it('the console says "Unowned" in the wall\'s words', () => {
    expect(en.common.state.unowned).toBe('Unowned');
    expect(zh.common.state.unowned).toBe('无人认领');
  });
});

describe('every message is valid ICU', () => {
  it('formats through next-intl in both languages', async () => {
    const { createTranslator } = await import('next-intl');
    for (const [locale, cat] of [
      ['en', en],
      ['zh', zh],
    ] as const) {
      const errors: string[] = [];
      const t = createTranslator({ locale, messages: cat, onError: (e) => errors.push(e.message) });
      for (const k of keys(cat)) {
        const m = leaf(cat, k);
        const values = Object.fromEntries(args(m).map((a) => [a, 1]));
        const tags = Object.fromEntries([...m.matchAll(/<(\w+)>/g)].map((x) => [x[1] ?? '', (c: unknown) => String(c)]));
        (t as unknown as { markup: (k: string, v: object) => string }).markup(k, { ...values, ...tags });
      }
      expect(errors).toEqual([]);
    }
  });
});
