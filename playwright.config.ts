import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, TEST_BROWSER_PATH } from './scripts/chromium';

/**
 * End-to-end tests in Debian's Chromium headless shell (Playwright's own browsers
 * cannot be downloaded here; scripts/chromium.ts says why the shell). Each worker
 * boots one real server on a throwaway database through tests/helpers/server.ts
 * (tests/e2e/fixtures.ts). Two workers: with the shell, one worker left the
 * 2-core machine half idle (pages wait on sockets and timers, not on the CPU).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: TEST_BROWSER_PATH,
      args: CHROMIUM_ARGS,
    },
    // A trace of the retry only (CI retries once): recording every test's snapshots and screencast cost
    // ~18% of e2e's time (3 specs: 54 s → 45 s). Locally, `npx playwright test --trace on` records one.
    trace: 'on-first-retry',
  },
});
