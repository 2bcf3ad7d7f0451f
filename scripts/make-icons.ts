// Renders the app icon (an SVG) in Chromium and saves the PNG sizes the
// manifest and iOS need into public/. Uses only installed tools: Playwright
// driving Debian's Chromium. Run: npx tsx scripts/make-icons.ts
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

const BG = '#070a0e';

/** The mark: a rising users line over a calmer online line, on the app's dark ground. `pad` shrinks it into a maskable safe zone. */
export function iconSvg(pad = 0): string {
  const s = 512;
  const inner = s - 2 * pad;
  const k = inner / 512;
  const tx = (x: number) => pad + x * k;
  const ty = (y: number) => pad + y * k;
  const users = [
    [80, 380],
    [170, 340],
    [240, 330],
    [300, 250],
    [360, 200],
    [432, 120],
  ] as const;
  const online = [
    [80, 410],
    [170, 395],
    [240, 380],
    [300, 360],
    [360, 350],
    [432, 330],
  ] as const;
  const path = (pts: readonly (readonly [number, number])[]) =>
    pts.map(([x, y], i) => `${i ? 'L' : 'M'}${tx(x).toFixed(1)} ${ty(y).toFixed(1)}`).join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 ${s} ${s}">
  <rect width="${s}" height="${s}" fill="${BG}"/>
  <path d="${path(online)}" fill="none" stroke="#7ee787" stroke-width="${28 * k}" stroke-linecap="round" stroke-linejoin="round"/>
  <path d="${path(users)}" fill="none" stroke="#4cc2ff" stroke-width="${36 * k}" stroke-linecap="round" stroke-linejoin="round"/>
  <circle cx="${tx(432)}" cy="${ty(120)}" r="${40 * k}" fill="#ff5c5c"/>
</svg>`;
}

const OUTPUTS = [
  { file: 'icon-192.png', size: 192, pad: 0 },
  { file: 'icon-512.png', size: 512, pad: 0 },
  // Maskable icons may be cropped to a circle: keep the mark inside the inner 80 %.
  { file: 'icon-maskable-512.png', size: 512, pad: 64 },
  { file: 'apple-touch-icon.png', size: 180, pad: 24 },
];

async function main() {
  const out = join(process.cwd(), 'public');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'icon.svg'), iconSvg());
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    for (const o of OUTPUTS) {
      const page = await browser.newPage({ viewport: { width: o.size, height: o.size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<html><body style="margin:0;background:${BG}"><img src="data:image/svg+xml;base64,${Buffer.from(iconSvg(o.pad)).toString('base64')}" width="${o.size}" height="${o.size}" style="display:block"></body></html>`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      await page.screenshot({ path: join(out, o.file), clip: { x: 0, y: 0, width: o.size, height: o.size } });
      await page.close();
      console.log(`public/${o.file} ${o.size}×${o.size}`);
    }
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
