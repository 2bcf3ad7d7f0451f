import { existsSync } from 'node:fs';

/**
 * Debian's Chromium, as everything here drives it (the report PDF, benches,
 * icons, and the tests that need the full browser; the others use the headless
 * shell below): Playwright cannot download its own browser on this network,
 * and without these flags Chromium stalls on the closed network at start.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's old headless shell (package chromium-headless-shell, installed by scripts/setup.sh): the same
 * Blink without the full browser's compositor and UI, so a page costs about half the CPU — on the 2-core
 * machine, e2e's Chromium took 792 CPU-seconds in the full browser and 360 in the shell. It has no push
 * service or notification permission, so a test of web push runs in the full browser (CHROMIUM_PATH).
 */
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
export const TEST_BROWSER_PATH = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
