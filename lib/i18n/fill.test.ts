import compile from 'icu-minify/compile';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { fill } from './fill';

/** Every message of the groups whose words are handed over as they are and filled by `fill`. */
const HANDED = (cat: typeof en) => ({
  ...cat.capacity,
  ...cat.phonePush,
  ...cat.statusPage.mail,
  failed: cat.statusPage.subscribe.failed,
});

const VALUES = { pct: 72, in: '38 min', age: '2 min', n: 3, load: '1.2k', limit: '2k', full: 'full in ~38 min' } as const;

describe('fill', () => {
  it('fills a catalogue string outside the build', () => {
    expect(fill('pool {pct} %', { pct: 72 }, 'en')).toBe('pool 72 %');
    expect(fill('{a} and {b}', { a: 'x' }, 'en')).toBe('x and ');
  });

  it('fills a message compiled as next-intl precompiles the catalogues in the build', () => {
    expect(fill(compile('pool {pct} %'), { pct: 72 }, 'en')).toBe('pool 72 %');
    expect(fill(compile('plain words'), {}, 'en')).toBe('plain words');
  });

  // The build hands screens the compiled form and the custom server the JSON file's strings: each handed
  // message must read the same either way, in both languages.
  for (const [lang, cat] of [
    ['en', en],
    ['zh', zh],
  ] as const) {
    it(`reads every handed ${lang} message the same compiled or not`, () => {
      const words = Object.entries(HANDED(cat)).filter((e): e is [string, string] => typeof e[1] === 'string');
      expect(words.length).toBeGreaterThan(20);
      for (const [key, message] of words) {
        const names = [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        const values = Object.fromEntries(names.map((n) => [n, (VALUES as Record<string, string | number>)[n] ?? `<${n}>`]));
        expect(fill(compile(message), values, lang), key).toBe(fill(message, values, lang));
      }
    });
  }
});
