/**
 * What bench/wall-soak.ts reads from the wall: the headline, the connection state and stale marks,
 * whether it is blank or reloaded (in the page), sockets and heap (CDP).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';

/** `p`, or a rejection naming `what` after `ms`: no step of the bench waits forever on a stuck browser. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/**
 * Installed before the page's own scripts: marks the document, so a reload (which loses the mark) is seen, and
 * beats every 50 ms, so a sample can tell how long before it the page's own timers last ran: a sample taken the
 * moment a starved renderer comes back can read the screen before the page's overdue timers (its stale checks
 * among them) have run. Real time (performance.now), not the page's compressed clock.
 */
export const pageProbe = `window.__soak = { loadId: Math.random(), beat: performance.now() };
setInterval(() => { window.__soak.beat = performance.now(); }, 50);`;

export interface TSample {
  at: number;
  value: number | null;
  state: string | null;
  panelStale: boolean;
  wall: boolean;
  access: string | null;
  sockets: number;
  loadId: number | null;
  /** ms since the page's 50 ms timer last ran, when the sample read the screen: over ~100, the page's timers were late */
  timersLateMs: number | null;
}

/** Read in the page (a string, like the probe: no tsx helpers there). */
const SAMPLE_SOURCE = `(() => {
  const q = (id) => document.querySelector('[data-testid="' + id + '"]');
  const text = q('headline-users')?.textContent ?? '';
  const digits = text.replace(/[^0-9]/g, '');
  const soak = window.__soak;
  return {
    value: digits ? Number(digits) : null,
    state: q('connection')?.getAttribute('data-state') ?? null,
    panelStale: q('headline-users-panel')?.getAttribute('data-stale') === 'yes',
    wall: !!q('wall') && (document.body.innerText ?? '').trim().length > 0,
    access: q('wall')?.getAttribute('data-access') ?? null,
    loadId: soak ? soak.loadId : null,
    timersLateMs: soak ? Math.round(performance.now() - soak.beat) : null,
  };
})()`;
let sampleErrors = 0;
/** WebSockets the page has open, as the browser reports them (CDP Network: created minus closed). */
export const openSockets = new Set<string>();

export async function sample(page: Page): Promise<TSample> {
  const at = Date.now();
  // Bounded: a page that never answers (a renderer stuck under load) is a blank sample, not a stalled bench.
  const s = await within(page.evaluate<Omit<TSample, 'at' | 'sockets'>>(SAMPLE_SOURCE), 10_000, 'the page').catch((err: Error) => {
    if (!sampleErrors++) console.warn(`sampling the page failed: ${err.message.split('\n')[0]}`);
    return null;
  });
  return s
    ? { at, ...s, sockets: openSockets.size }
    : { at, value: null, state: null, panelStale: false, wall: false, access: null, sockets: -1, loadId: null, timersLateMs: null };
}

/** One reading: two full GCs, then the isolate's used heap. The page runs between these commands. */
async function usedAfterGc(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/** Readings per day: each is the retained heap plus what the page allocated since the GC. */
const HEAP_READINGS = 5;

/**
 * The page's JS heap after GC: the least of five readings. Between `collectGarbage` and `getHeapUsage`
 * the page keeps running (a push, a re-render, the chart), so a single reading is the retained heap plus up
 * to ~1 MB of fresh allocation; the noise only ever adds, so the least reading is the closest. The first
 * reading (what the bench printed before) and the spread are kept.
 */
export async function heap(cdp: CDPSession) {
  const readings: number[] = [];
  for (let i = 0; i < HEAP_READINGS; i++) {
    if (i) await new Promise((r) => setTimeout(r, 100));
    readings.push(await usedAfterGc(cdp));
  }
  const counters = (await cdp.send('Memory.getDOMCounters')) as { documents: number; nodes: number; jsEventListeners: number };
  return {
    heapMB: Math.min(...readings),
    heapFirstMB: readings[0]!,
    heapMaxMB: Math.max(...readings),
    nodes: counters.nodes,
    listeners: counters.jsEventListeners,
    documents: counters.documents,
  };
}

/** A heap snapshot's self sizes: the page's objects apart from V8's compiled code (bytecode, JIT code, feedback); Blink's native objects left out. */
function snapshotSplit(text: string) {
  const j = JSON.parse(text) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
  const { node_fields: f, node_types: t } = j.snapshot.meta;
  const [iT, iS] = [f.indexOf('type'), f.indexOf('self_size')];
  const by: Record<string, number> = {};
  for (let i = 0; i < j.nodes.length; i += f.length) {
    const type = t[0][j.nodes[i + iT]!]!;
    by[type] = (by[type] ?? 0) + j.nodes[i + iS]!;
  }
  const mb = (x: number) => x / 2 ** 20;
  const v8 = Object.entries(by).reduce((s, [k, v]) => (k === 'native' ? s : s + v), 0);
  return { v8MB: mb(v8), codeMB: mb(by.code ?? 0), objectsMB: mb(v8 - (by.code ?? 0)) };
}

/** A heap snapshot of the page written to `file`, and its split into the page's objects and compiled code. */
export async function heapSnapshot(cdp: CDPSession, file: string) {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const text = chunks.join('');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return snapshotSplit(text);
}
