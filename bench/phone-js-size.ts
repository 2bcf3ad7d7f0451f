/**
 * How much JavaScript the phone page `/` sends (issue 6): a real Chromium load
 * of the production build, signed in, at 390×844 with touch. Prints every
 * script with its transferred (encoded) size, its raw size and its gzip -6
 * size, split into what the HTML asks for (needed to hydrate) and what the
 * page imports later (socket.io-client, after first paint). The trend line is
 * SVG in the HTML: a chart library on this page is reported as a warning.
 *
 *   npx tsx bench/phone-js-size.ts
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { startPhoneBenchServer } from './phone-session';

interface TScript {
  url: string;
  startMs: number;
  transferred: number;
  raw: number;
  gzip: number;
  encoding: string;
  chart: boolean;
  /** what is recognisably inside, to see what a chunk costs */
  holds: string;
}

/** Strings that survive minification and betray a library. */
const MARKERS: [string, string][] = [
  ['borderCapStyle', 'chart.js'],
  ['invalid_type', 'zod'],
  ['transports', 'socket.io-client'],
  ['QueryClient', 'react-query'],
  ['growth-minute', 'home page'],
  ['react-dom', 'react-dom'],
];

const kB = (n: number) => `${(n / 1024).toFixed(1).padStart(7)} kB`;

async function main() {
  const { server, cookies, cookie } = await startPhoneBenchServer();
  const html = await (await fetch(`${server.url}/`, { headers: cookie ? { cookie } : {} })).text();
  const inHtml = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!.split('?')[0]!));
  // The framework's floor: the files Next's build manifest says every App Router page loads before
  // any code of ours (React DOM, the App Router's runtime, Turbopack's loader).
  const manifest = JSON.parse(readFileSync(join(process.env.WARROOM_NEXT_DIST ?? '.next', 'build-manifest.json'), 'utf8'));
  const floor = new Set((manifest.rootMainFiles as string[]).map((f) => `/_next/${f}`));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 3,
    });
    const host = new URL(server.url).hostname;
    await context.addCookies(cookies.map((c) => ({ ...c, domain: host, path: '/' })));
    const page = await context.newPage();
    const pending: Promise<TScript | null>[] = [];
    const sheets: Promise<{ url: string; gzip: number; faces: number } | null>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'stylesheet')
        sheets.push(
          res
            .text()
            .then((css) => ({ url: new URL(res.url()).pathname, gzip: gzipSync(css).length, faces: css.split('@font-face').length - 1 }))
            .catch(() => null),
        );
      if (res.request().resourceType() !== 'script') return;
      pending.push(
        (async () => {
          // Playwright reports the transfer size once the body has been read.
          const body = await res.body().catch(() => null);
          if (!body) return null;
          const sizes = await res.request().sizes();
          const timing = res.request().timing();
          return {
            url: new URL(res.url()).pathname,
            startMs: timing.startTime,
            transferred: sizes.responseBodySize,
            raw: body.length,
            gzip: gzipSync(body, { level: 6 }).length,
            encoding: (await res.headerValue('content-encoding')) ?? 'identity',
            chart: body.includes('borderCapStyle'),
            holds: MARKERS.filter(([m]) => body.includes(m))
              .map(([, name]) => name)
              .join(', '),
          };
        })(),
      );
    });
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await page
      .getByTestId('connection')
      .and(page.locator('[data-state="live"], [data-state="stale"]'))
      .waitFor({ timeout: 30_000 })
      .catch(() => console.warn('the page did not go live (signed out?)'));
    await page.waitForLoadState('networkidle');
    const fcpAt = await page.evaluate(
      () => performance.timeOrigin + (performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN),
    );
    const scripts = (await Promise.all(pending)).filter((s): s is TScript => s !== null).sort((a, b) => a.startMs - b.startMs);

    console.log(`JavaScript for / at 390×844 (${cookies.length ? 'signed in' : 'SIGNED OUT'}), production build\n`);
    console.log(
      `document: raw ${kB(Buffer.byteLength(html))}, gzip ${kB(gzipSync(html).length)} (numbers, incidents and the trend are in it)\n`,
    );
    console.log('   transferred        raw    gzip -6  encoding  loaded              script');
    for (const s of scripts) {
      const when = inHtml.has(s.url) ? 'in the HTML' : s.startMs < fcpAt ? 'later, before paint' : 'later, after paint';
      console.log(`${kB(s.transferred)} ${kB(s.raw)} ${kB(s.gzip)}  ${s.encoding.padEnd(8)}  ${when.padEnd(19)} ${s.url} ${s.holds}`);
    }
    const sum = (list: TScript[], k: 'transferred' | 'raw' | 'gzip') => list.reduce((n, s) => n + s[k], 0);
    const first = scripts.filter((s) => inHtml.has(s.url));
    const deferred = scripts.filter((s) => !first.includes(s));
    const chart = scripts.filter((s) => s.chart);
    if (chart.length) console.warn('\nWARNING: the phone page loaded the chart library (its trend line is SVG from the server)');
    const line = (label: string, list: TScript[]) =>
      console.log(
        `${label.padEnd(28)} ${String(list.length).padStart(2)} scripts  transferred ${kB(sum(list, 'transferred'))}  raw ${kB(sum(list, 'raw'))}  gzip ${kB(sum(list, 'gzip'))}`,
      );
    console.log('');
    line('total', scripts);
    line('in the HTML (to hydrate)', first);
    line('imported later (deferred)', deferred);
    line('  of which chart.js', chart);
    line(
      "  of which Next's floor",
      first.filter((s) => floor.has(s.url)),
    );
    console.log("  (Next's floor: the build manifest's rootMainFiles, which every App Router page loads before any of its own code)");
    // What holds the first paint besides the HTML: the stylesheets it links (the rest come later, as the Chinese faces do).
    const linked = new Set([...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!.split('?')[0]!));
    console.log('');
    for (const sheet of (await Promise.all(sheets)).filter((x) => x !== null))
      console.log(
        `stylesheet ${linked.has(sheet.url) ? 'in the HTML (holds the first paint)' : 'loaded later (after hydration)  '}  gzip ${kB(sheet.gzip)}  ${sheet.faces} @font-face  ${sheet.url}`,
      );
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
