/**
 * Does the wall leak over a long night? Boots the production server on a
 * throwaway database, opens the wall (1920×1080) in headless Chromium, then
 * pushes a whole day of updates — both headline series every 10 s plus ten
 * servers' health — compressed into a few minutes, through the public ingest
 * API. Prints the JS heap (after a forced GC, via CDP) and DOM/listener
 * counts before, midway and after: with windowed, decimated chart data they
 * should level off rather than grow with the number of pushes.
 *
 *   WARROOM_NEXT_DIST=.next-bench npx tsx bench/wall-memory.ts [--hours 24] [--gap-ms 120]
 */
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { buildIfNeeded } from '../scripts/build-if-needed';
import { startServer } from '../tests/helpers/server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const HOURS = arg('hours', 24);
/** pause between batches, so the coalescer sends (about) one push per batch */
const GAP_MS = arg('gap-ms', 120);
const STEP_MS = 10_000; // one sample per series every 10 s of "night"
const BATCH_MINUTES = 2;
const SERVERS = Array.from({ length: 10 }, (_, i) => `web-${i + 1}`);

async function heap(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return { usedMB: usedSize / 2 ** 20, totalMB: totalSize / 2 ** 20, nodes: m.Nodes ?? 0, listeners: m.JSEventListeners ?? 0 };
}

function line(label: string, h: Awaited<ReturnType<typeof heap>>, pushes: number) {
  console.log(
    `${label.padEnd(10)} pushes ${String(pushes).padStart(5)}  heap used ${h.usedMB.toFixed(2).padStart(7)} MB  (total ${h.totalMB.toFixed(1)} MB)  DOM nodes ${h.nodes}  listeners ${h.listeners}`,
  );
}

async function main() {
  buildIfNeeded();
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const key = await server.createIngestKey();
    const display = await server.createDisplayLink();
    const post = async (points: unknown[]) => {
      const res = await fetch(`${server.url}/api/v1/metrics`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ points }),
      });
      if (res.status !== 202) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
    };

    const end = Date.now();
    const start = end - HOURS * 3600_000;
    let users = 1_000_000;
    let t = start;
    const batch = (minutes: number) => {
      const points: unknown[] = [];
      const until = Math.min(end, t + minutes * 60_000);
      for (; t < until; t += STEP_MS) {
        users += 50 + Math.round(Math.random() * 100);
        const online = Math.round(60_000 + 40_000 * Math.sin((t - start) / 3_600_000) + Math.random() * 500);
        points.push({ name: 'users_total', value: users, time: t }, { name: 'users_online', value: online, time: t });
      }
      for (const [i, s] of SERVERS.entries()) {
        points.push({ name: 'cpu_ratio', value: 0.3 + ((i + t / 60_000) % 50) / 100, labels: { server: s }, time: t });
        points.push({ name: 'connections', value: 1000 + i * 100 + Math.round(Math.random() * 50), labels: { server: s }, time: t });
      }
      return points;
    };

    // The first ten minutes of the night, then open the wall.
    await post(batch(10));
    const page: Page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${server.url}/wall/launch?key=${encodeURIComponent(display)}`);
    await page.getByTestId('connection').and(page.locator('[data-state="live"]')).waitFor();
    await page.waitForTimeout(2000);
    const before = await heap(cdp);
    line('before', before, 0);

    const totalBatches = Math.ceil((end - t) / (BATCH_MINUTES * 60_000));
    const started = Date.now();
    let pushes = 0;
    let mid: Awaited<ReturnType<typeof heap>> | null = null;
    // Bounded: one iteration per batch of the day, no more.
    for (let b = 0; b < totalBatches && t < end; b++) {
      await post(batch(BATCH_MINUTES));
      pushes++;
      await new Promise((r) => setTimeout(r, GAP_MS));
      if (b === Math.floor(totalBatches / 2)) {
        mid = await heap(cdp);
        line('midway', mid, pushes);
      }
    }
    const seconds = (Date.now() - started) / 1000;
    await page.waitForTimeout(2000);
    const after = await heap(cdp);
    line('after', after, pushes);
    const shown = await page.getByTestId('headline-users').textContent();
    console.log(
      `\n${HOURS} h of night (${pushes} batches, ${Math.round((HOURS * 3600_000) / STEP_MS)} samples per headline series) pushed in ${seconds.toFixed(0)} s; ` +
        `wall shows ${shown} (last sent ${users.toLocaleString('en-US')}).`,
    );
    console.log(
      `heap change before → after: ${(after.usedMB - before.usedMB >= 0 ? '+' : '') + (after.usedMB - before.usedMB).toFixed(2)} MB; midway → after: ${mid ? (after.usedMB - mid.usedMB >= 0 ? '+' : '') + (after.usedMB - mid.usedMB).toFixed(2) : '?'} MB`,
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
