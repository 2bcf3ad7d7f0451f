import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { AppError } from '../../server/errors';

/** Prints the report page to an A4 PDF once it says its data is in and its chart drawn. */
export async function printReportPdf(url: string): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    const res = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    if (!res?.ok()) throw new AppError('unavailable', `the report page answered ${res?.status() ?? 'nothing'}`);
    const ready = page.locator('[data-report-ready="yes"]');
    const failed = page.locator('main[role="alert"]');
    await Promise.race([ready.waitFor({ timeout: 30_000 }), failed.waitFor({ timeout: 30_000 })]);
    if (await failed.count())
      throw new AppError('bad_request', `the report page says: ${((await failed.textContent()) ?? '').split('\n')[0]}`);
    await page.emulateMedia({ media: 'print' });
    // The Chinese webfont's faces are registered after hydration (app/_fonts/cjk-fonts.tsx) and its slices
    // arrive after the text is laid out: print only once both are in. Without the faces in 10 s the report
    // still prints, in the machine's own fonts.
    await page
      .locator('html[data-cjk-fonts="ready"]')
      .waitFor({ state: 'attached', timeout: 10_000 })
      .catch(() => undefined);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // The chart resizes to the printed width on the next frames; let it draw before printing.
    await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } });
  } finally {
    await browser.close();
  }
}
