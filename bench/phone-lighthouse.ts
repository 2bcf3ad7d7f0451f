/**
 * Lighthouse 12 on the phone page (issue 6): the production server, a
 * signed-in viewer (the session cookie travels in extraHeaders), Lighthouse's
 * default mobile emulation and simulated slow-4G throttling, driving Debian's
 * Chromium. Prints the performance and accessibility scores (aim: ≥ 90 and
 * ≥ 95), the paint metrics, and every audit that did not pass.
 *
 *   npx tsx bench/phone-lighthouse.ts [--runs 3] [--against /api-docs]
 *
 * `--against PATH`: the runs alternate between `/` and PATH in the same
 * browser, and each gets its median. With `/api-docs` (a server-rendered page
 * with no client code of its own: the root layout's providers and Next's
 * runtime only) it shows what the framework's floor scores on this machine
 * at this load, beside the phone page.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS } from '../scripts/chromium';
import { startPhoneBenchServer } from './phone-session';

// The flags from playwright.config.ts, plus the new headless mode Lighthouse wants.
const FLAGS = [...CHROMIUM_ARGS, '--headless=new'];
const runsArg = process.argv.indexOf('--runs');
const RUNS = Math.max(1, Math.min(10, runsArg > 0 ? Number(process.argv[runsArg + 1]) || 1 : 1));
const againstArg = process.argv.indexOf('--against');
const PATHS = ['/', ...(againstArg > 0 ? [process.argv[againstArg + 1]!] : [])];

const pct = (score: number | null | undefined) => (score === null || score === undefined ? 'n/a' : String(Math.round(score * 100)));

async function main() {
  const { server, cookie } = await startPhoneBenchServer();
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: FLAGS });
  try {
    const perf: Record<string, number[]> = Object.fromEntries(PATHS.map((p) => [p, []]));
    const a11y: Record<string, number[]> = Object.fromEntries(PATHS.map((p) => [p, []]));
    for (let run = 1; run <= RUNS; run++) {
      for (const path of PATHS) {
        const result = await lighthouse(`${server.url}${path}`, {
          port: chrome.port,
          logLevel: 'error',
          output: 'json',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
          formFactor: 'mobile',
          ...(cookie ? { extraHeaders: { cookie } } : {}),
        });
        if (!result) throw new Error('lighthouse returned nothing');
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        const c = lhr.categories;
        perf[path]!.push(Math.round((c.performance?.score ?? 0) * 100));
        a11y[path]!.push(Math.round((c.accessibility?.score ?? 0) * 100));
        console.log(
          `${path} run ${run}/${RUNS} (load average ${loadavg()[0]!.toFixed(1)}): performance ${pct(c.performance?.score)}  accessibility ${pct(c.accessibility?.score)}  best practices ${pct(c['best-practices']?.score)}${cookie ? '' : '  (SIGNED OUT: sign-in failed)'}`,
        );
        const metric = (id: string) => lhr.audits[id]?.displayValue ?? 'n/a';
        console.log(
          `  FCP ${metric('first-contentful-paint')}  LCP ${metric('largest-contentful-paint')}  TBT ${metric('total-blocking-time')}  CLS ${metric('cumulative-layout-shift')}  SI ${metric('speed-index')}  JS transfer ${metric('total-byte-weight')}`,
        );
        if (process.env.LH_JSON) writeFileSync(process.env.LH_JSON, JSON.stringify(lhr));
        if (run === RUNS) {
          const lcpEl = lhr.audits['largest-contentful-paint-element']?.details as
            | { items?: { items?: { node?: { snippet?: string } }[] }[] }
            | undefined;
          const snippet = lcpEl?.items?.[0]?.items?.[0]?.node?.snippet;
          if (snippet) console.log(`  LCP element: ${snippet.slice(0, 140)}`);
          const boot = lhr.audits['bootup-time']?.details as { items?: { url: string; total: number; scripting: number }[] } | undefined;
          for (const b of (boot?.items ?? []).slice(0, 6))
            console.log(
              `  script time ${Math.round(b.total)} ms (scripting ${Math.round(b.scripting)} ms) ${b.url.replace(server.url, '')}`,
            );
          for (const [name, cat] of Object.entries(c)) {
            const failing = cat.auditRefs
              .map((r) => lhr.audits[r.id]!)
              .filter(
                (a) =>
                  a.score !== null &&
                  a.score < 0.9 &&
                  a.scoreDisplayMode !== 'informative' &&
                  a.scoreDisplayMode !== 'notApplicable' &&
                  a.scoreDisplayMode !== 'manual',
              );
            for (const a of failing) console.log(`  [${name}] ${a.id}: ${pct(a.score)} ${a.displayValue ?? ''} — ${a.title}`);
          }
        }
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log('');
    for (const path of PATHS)
      console.log(
        `${path === '/' ? 'phone page /' : `beside it, ${path}`}: performance ${median(perf[path]!)} (median of ${RUNS}; runs ${perf[path]!.join(', ')}), accessibility ${median(a11y[path]!)}`,
      );
    console.log(
      `load average now ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    chrome.kill();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
