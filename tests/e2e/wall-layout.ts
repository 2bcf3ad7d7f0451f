import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * The wall fits its screen: no element's visible part lies outside the
 * viewport, no element is cut by a panel (partly visible: a row half
 * hidden under a panel's edge), the page does not scroll, and the wall's
 * blocks (header, numbers, chart, incidents, servers) do not overlap.
 * Compares bounding boxes in the page; returns what is wrong, in words.
 */
export async function expectNoOverflow(page: Page) {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').slice(0, 3).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    if (document.documentElement.scrollWidth > vw || document.documentElement.scrollHeight > vh)
      out.push(`page scrolls: ${document.documentElement.scrollWidth}×${document.documentElement.scrollHeight}`);
    const main = document.querySelector('main');
    if (!main) return ['no main'];
    for (const el of main.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Visible part: clipped by every ancestor that hides overflow.
      let [l, t, rr, b] = [r.left, r.top, r.right, r.bottom];
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const cs = getComputedStyle(a);
        if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
        const ar = a.getBoundingClientRect();
        [l, t, rr, b] = [Math.max(l, ar.left), Math.max(t, ar.top), Math.min(rr, ar.right), Math.min(b, ar.bottom)];
      }
      if (rr - l <= 0.5 || b - t <= 0.5) continue; // wholly hidden inside a panel: counted elsewhere, not cut
      if (l < -1 || t < -1 || rr > vw + 1 || b > vh + 1)
        out.push(
          `outside the screen: ${name(el)} at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`,
        );
      // Cut: only part of it shows (more than 2 px hidden) — text inside a truncating box excepted, it ends in "…".
      const cutX = r.width - (rr - l);
      const cutY = r.height - (b - t);
      if ((cutY > 2 || cutX > 2) && el.children.length > 0)
        out.push(`cut by its panel: ${name(el)} (${Math.round(cutX)}×${Math.round(cutY)} px hidden)`);
    }
    const blocks = [...main.children].flatMap((c) => (getComputedStyle(c).display === 'contents' ? [...c.children] : [c]));
    for (let i = 0; i < blocks.length; i++) {
      for (let j = i + 1; j < blocks.length; j++) {
        const a = blocks[i]!.getBoundingClientRect();
        const c = blocks[j]!.getBoundingClientRect();
        if (a.left < c.right - 1 && c.left < a.right - 1 && a.top < c.bottom - 1 && c.top < a.bottom - 1)
          out.push(`overlap: ${name(blocks[i]!)} and ${name(blocks[j]!)}`);
      }
    }
    return out;
  });
  expect(problems, problems.join('\n')).toEqual([]);
}
