import type { Page } from '@playwright/test';

/** A phone, held upright: the size the manager's summary is made for. */
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 } as const;

/** Every visible link, button and form control that is smaller than 44 × 44 CSS px. */
export async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [role="button"], summary')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.width < 44 || r.height < 44)
        out.push(
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
    }
    return out;
  });
}

/** How far the page can scroll sideways (0 when nothing overflows the viewport), and what sticks out. */
export async function horizontalOverflow(page: Page): Promise<{ px: number; culprits: string[] }> {
  return page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const culprits: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > w + 0.5 && r.width > 0)
        culprits.push(`${el.tagName.toLowerCase()}.${el.className.toString().slice(0, 40)} right=${Math.round(r.right)}`);
    }
    return { px: document.documentElement.scrollWidth - w, culprits: culprits.slice(0, 5) };
  });
}
