/**
 * What bench/wall-soak.ts reads from the wall: the headline, the connection state and stale marks,
 * whether it is blank or reloaded (in the page), sockets and heap (CDP).
 */
import type { CDPSession, Page } from '@playwright/test';

/** `p`, or a rejection naming `what` after `ms`: no step of the bench waits forever on a stuck browser. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** Installed before the page's own scripts: marks the document, so a reload (which loses the mark) is seen. */
export const pageProbe = 'window.__soak = { loadId: Math.random() };';

export interface TSample {
  at: number;
  value: number | null;
  state: string | null;
  panelStale: boolean;
  wall: boolean;
  access: string | null;
  sockets: number;
  loadId: number | null;
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
    : { at, value: null, state: null, panelStale: false, wall: false, access: null, sockets: -1, loadId: null };
}

export async function heap(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const counters = (await cdp.send('Memory.getDOMCounters')) as { documents: number; nodes: number; jsEventListeners: number };
  return { heapMB: usedSize / 2 ** 20, nodes: counters.nodes, listeners: counters.jsEventListeners, documents: counters.documents };
}
