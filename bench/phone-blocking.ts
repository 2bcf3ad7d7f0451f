/**
 * The phone page's main thread after its first paint, from Chromium's own
 * trace (issue 26): a signed-in viewer at 412×823 with the CPU slowed 4× (as
 * Lighthouse's mobile profile assumes), until the page has joined its room
 * and 2.5 s more. Prints each long task (over 50 ms) after the first
 * contentful paint and the blocking time they sum to (each task's time over
 * 50 ms), per run and the median. Lighthouse's TBT is a simulation built on a
 * trace like this one; this is the measured thing, with less noise, for
 * telling two builds apart.
 *
 *   npx tsx bench/phone-blocking.ts [--runs 5] [--path /] [--why]
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { startPhoneBenchServer } from './phone-session';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Math.max(1, Math.min(20, Number(arg('--runs') ?? 5) || 5));
const PATH = arg('--path') ?? '/';
const LONG_MS = 50;
/** `--why`: under each run, what ran inside each long task */
const WHY = process.argv.includes('--why');

interface TTraceEvent {
  name: string;
  ph: string;
  pid: number;
  ts: number;
  dur?: number;
  tid?: number;
  args?: { data?: { url?: string; functionName?: string; type?: string } };
}

/** What ran inside a task, by Chromium's own names (a script's evaluation, a call into it, layout), biggest first. */
function inside(events: TTraceEvent[], task: TTraceEvent): string {
  const end = task.ts + (task.dur ?? 0);
  const by = new Map<string, number>();
  for (const e of events) {
    if (e === task || e.ph !== 'X' || e.tid !== task.tid || e.pid !== task.pid || e.ts < task.ts || e.ts >= end) continue;
    if (
      ![
        'EvaluateScript',
        'FunctionCall',
        'TimerFire',
        'FireAnimationFrame',
        'EventDispatch',
        'Layout',
        'ParseHTML',
        'v8.compileModule',
        'ParseAuthorStyleSheet',
        'UpdateLayoutTree',
        'MajorGC',
        'MinorGC',
      ].includes(e.name)
    )
      continue;
    const url = e.args?.data?.url?.split('/').pop();
    const what = `${e.name}${url ? ` ${url}` : ''}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''}${e.args?.data?.type ? ` ${e.args.data.type}` : ''}`;
    by.set(what, (by.get(what) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return [...by]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([w, d]) => `${w} ${d.toFixed(0)} ms`)
    .join('; ');
}

async function main() {
  const { server, cookies } = await startPhoneBenchServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const blocking: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
      await context.addCookies(cookies.map((c) => ({ ...c, domain: new URL(server.url).hostname, path: '/' })));
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const events: TTraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TTraceEvent[])));
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.start', {
        traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading'] },
        transferMode: 'ReportEvents',
      });
      await page.goto(`${server.url}${PATH}`);
      await page
        .locator('[data-testid="connection"][data-state="live"], [data-testid="connection"][data-state="stale"]')
        .waitFor({ timeout: 30_000 })
        .catch(() => console.warn('  the page did not join its room'));
      await page.waitForTimeout(2500);
      await cdp.send('Tracing.end');
      await complete;
      const fcp = events.find((e) => e.name === 'firstContentfulPaint');
      if (!fcp) throw new Error('no first contentful paint in the trace');
      const tasks = events.filter(
        (e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === fcp.pid && e.ts > fcp.ts && (e.dur ?? 0) > LONG_MS * 1000,
      );
      const ms = tasks.map((t) => (t.dur ?? 0) / 1000);
      const sum = ms.reduce((n, d) => n + d - LONG_MS, 0);
      blocking.push(sum);
      console.log(
        `${PATH} run ${run}/${RUNS}: ${tasks.length} long tasks after the first paint (${ms.map((d) => d.toFixed(0)).join(', ')} ms), blocking ${sum.toFixed(0)} ms`,
      );
      if (WHY)
        for (const t of tasks)
          console.log(`    ${((t.dur ?? 0) / 1000).toFixed(0)} ms at +${((t.ts - fcp.ts) / 1000).toFixed(0)} ms: ${inside(events, t)}`);
      await context.close();
    }
    const sorted = [...blocking].sort((a, b) => a - b);
    console.log(
      `\n${PATH}: blocking time after the first paint at 4× CPU, median of ${RUNS}: ${sorted[Math.floor(RUNS / 2)]!.toFixed(0)} ms (runs ${blocking.map((b) => b.toFixed(0)).join(', ')})`,
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
