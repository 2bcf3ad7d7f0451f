/**
 * Lighthouse on the public status page (issue 22): the production server on
 * a throwaway database, a room with its page on, three components (one bound
 * to a probe, so uptime bars render), an open public incident with two
 * updates and a maintenance; signed out, Lighthouse's default mobile
 * emulation with simulated slow-4G throttling, in Debian's Chromium. Prints
 * performance and accessibility (aim: ≥ 95 and 100) and every audit that did
 * not pass, for English and Chinese.
 *
 *   npx tsx bench/status-lighthouse.ts [--runs 3]
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS } from '../scripts/chromium';
import { api, startServer } from '../tests/helpers/server';

const FLAGS = [...CHROMIUM_ARGS, '--headless=new'];
const runsArg = process.argv.indexOf('--runs');
const RUNS = Math.max(1, Math.min(10, runsArg > 0 ? Number(process.argv[runsArg + 1]) || 1 : 1));
const pct = (score: number | null | undefined) => (score === null || score === undefined ? 'n/a' : String(Math.round(score * 100)));

async function main() {
  const server = await startServer({ db: 'sqlite' });
  const lead = await server.createUser('lead');
  const as = (method: string, path: string, body?: unknown) => api(server, method, path, { token: lead.token, body });
  await as('PATCH', '/api/v1/rooms/launch/settings', { statusPage: { enabled: true, title: 'Acme Shop' } });
  await as('POST', '/api/v1/rooms/launch/probes', { name: 'api', url: `${server.url}/api/v1/health`, intervalSeconds: 5 });
  const ids: string[] = [];
  for (const [name, extra] of [
    ['API', { probe: 'api', degradedAfterMs: 1000, group: 'Shop' }],
    ['Checkout', { group: 'Shop' }],
    ['Website', {}],
  ] as const)
    ids.push((await as('POST', '/api/v1/rooms/launch/components', { name, ...extra })).body.id);
  const inc = await as('POST', '/api/v1/rooms/launch/status-incidents', {
    title: 'Checkout is slow',
    impact: 'minor',
    components: [ids[1]],
    message: 'Some payments take longer than usual. We are investigating.',
  });
  await as('POST', `/api/v1/rooms/launch/status-incidents/${inc.body.id}/updates`, {
    status: 'identified',
    message: 'A payment provider is slow; we are moving traffic to the other one.',
  });
  await as('POST', '/api/v1/rooms/launch/maintenances', {
    title: 'Database upgrade',
    components: [ids[0]],
    startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 90_000_000).toISOString(),
    message: 'Writes pause for up to five minutes.',
  });
  await new Promise((r) => setTimeout(r, 6000)); // a probe check or two: bars with data
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: FLAGS });
  try {
    for (const lang of ['en', 'zh']) {
      const perf: number[] = [];
      const a11y: number[] = [];
      for (let run = 1; run <= RUNS; run++) {
        const result = await lighthouse(`${server.url}/status/launch?lang=${lang}`, {
          port: chrome.port,
          logLevel: 'error',
          output: 'json',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
          formFactor: 'mobile',
        });
        if (!result) throw new Error('lighthouse returned nothing');
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        const c = lhr.categories;
        perf.push(Math.round((c.performance?.score ?? 0) * 100));
        a11y.push(Math.round((c.accessibility?.score ?? 0) * 100));
        const metric = (id: string) => lhr.audits[id]?.displayValue ?? 'n/a';
        console.log(
          `${lang} run ${run}/${RUNS}: performance ${pct(c.performance?.score)}  accessibility ${pct(c.accessibility?.score)}  best practices ${pct(c['best-practices']?.score)}`,
        );
        console.log(
          `  FCP ${metric('first-contentful-paint')}  LCP ${metric('largest-contentful-paint')}  TBT ${metric('total-blocking-time')}  CLS ${metric('cumulative-layout-shift')}  SI ${metric('speed-index')}  bytes ${metric('total-byte-weight')}`,
        );
        for (const [name, cat] of Object.entries(c)) {
          for (const a of cat.auditRefs.map((r) => lhr.audits[r.id]!))
            if (a.score !== null && a.score < 0.9 && !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode))
              console.log(`  [${name}] ${a.id}: ${pct(a.score)} ${a.displayValue ?? ''} — ${a.title}`);
        }
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      console.log(
        `status page /status/launch?lang=${lang}: performance ${median(perf)} (median of ${RUNS}), accessibility ${median(a11y)}\n`,
      );
    }
  } finally {
    chrome.kill();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
