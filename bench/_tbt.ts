import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { startPhoneBenchServer } from './phone-session';
const { server, cookies } = await startPhoneBenchServer();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const tbts: number[] = [];
const RUNS = Number(process.env.RUNS ?? 6);
for (let run = 0; run < RUNS; run++) {
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  await ctx.addCookies(cookies.map((c) => ({ ...c, domain: new URL(server.url).hostname, path: '/' })));
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events: any[] = [];
  cdp.on('Tracing.dataCollected', (d: any) => events.push(...d.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading'] },
    transferMode: 'ReportEvents',
  });
  await page.goto(server.url + '/');
  await page.waitForSelector('[data-testid=connection][data-state=live], [data-testid=connection][data-state=stale]');
  await page.waitForTimeout(2500);
  await cdp.send('Tracing.end');
  await done;
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur > 50_000 && e.pid === fcp?.pid && e.ts > fcp.ts);
  const tbt = tasks.reduce((n, t) => n + (t.dur / 1000 - 50), 0);
  tbts.push(tbt);
  console.log(
    `run ${run}: ${tasks.length} long tasks after first paint, blocking ${tbt.toFixed(0)} ms: ${tasks.map((t) => (t.dur / 1000).toFixed(0)).join(' ')}`,
  );
  await ctx.close();
}
tbts.sort((a, b) => a - b);
console.log(`median blocking after first paint (4x CPU): ${tbts[Math.floor(tbts.length / 2)]!.toFixed(0)} ms`);
await browser.close();
await server.stop();
