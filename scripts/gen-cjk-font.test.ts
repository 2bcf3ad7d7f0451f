import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CJK_FONT_CSS, renderCjkFontCss } from './gen-cjk-font';

describe('the Chinese webfont faces (app/_fonts/cjk-font.generated.css)', () => {
  it('are what the generator writes from the installed @fontsource package (else: npx tsx scripts/gen-cjk-font.ts)', () => {
    expect(readFileSync(CJK_FONT_CSS, 'utf8')).toBe(renderCjkFontCss());
  });

  it('cover Chinese in both shipped weights and leave Latin to the system fonts', () => {
    const css = renderCjkFontCss();
    const ranges = [...css.matchAll(/unicode-range: ([^;]*);/g)].map((m) => m[1]!.split(','));
    const covers = (cp: number) =>
      ranges.some((rs) =>
        rs.some((r) => {
          const [a, b = a] = r.slice(2).split('-');
          return cp >= Number.parseInt(a!, 16) && cp <= Number.parseInt(b!, 16);
        }),
      );
    for (const ch of '万亿双十一之夜实时') expect(covers(ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of 'Aa0 ,.%') expect(covers(ch.codePointAt(0)!), ch).toBe(false);
    expect(css).toContain('font-weight: 400;');
    expect(css).toContain('font-weight: 700;');
  });
});
