import { test as base, type Browser, type BrowserContext, chromium, expect, type Page } from '@playwright/test';
import { startServer, type TTestServer } from '../helpers/server';
import type { TRole } from '../../server/services/access/actor';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';

/**
 * A real server per Playwright worker (one server for all the files a worker runs,
 * so specs that need a clean slate use their own rooms), on a throwaway SQLite
 * database unless WARROOM_TEST_DB=postgres.
 */
export const test = base.extend<{ server: TTestServer; closeOpened: undefined }, { workerServer: TTestServer }>({
  workerServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  server: async ({ workerServer }, use) => use(workerServer),
  // Pages a test opened itself (browser.newPage / newContext) close with the test, even when it fails:
  // a wall left open keeps ticking, rendering and holding a socket for the rest of the run.
  closeOpened: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use(undefined);
      await Promise.all(browser.contexts().map((c) => (before.has(c) ? null : c.close().catch(() => {}))));
    },
    { auto: true },
  ],
});

export { expect };

/**
 * The full browser, for tests that need what the headless shell lacks (scripts/chromium.ts): web push,
 * and the notification control as a phone shows it before its person has answered (the README's phone
 * screenshots). A whole spec file takes it with `test.use(FULL_BROWSER)` (Playwright allows a browser
 * option only at the top of a file); a single test launches it with launchFullBrowser() and closes it.
 */
export const FULL_BROWSER = { launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } };
export function launchFullBrowser(): Promise<Browser> {
  return chromium.launch({ ...FULL_BROWSER.launchOptions, headless: true });
}

/** Posts metric points with an ingest key, as a producer would. */
export async function pushPoints(
  server: TTestServer,
  key: string,
  points: { name: string; value: number; time?: number; labels?: Record<string, string> }[],
  room?: string,
) {
  const res = await fetch(`${server.url}/api/v1/metrics`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ room, points }),
  });
  if (res.status !== 202) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
}

/** Creates a person and signs them in through the real sign-in endpoint; the session cookie lands in the context. */
export async function signIn(context: BrowserContext, server: TTestServer, role: TRole, name?: string) {
  const user = await server.createUser(role, name);
  const res = await context.request.post(`${server.url}/api/auth/sign-in/email`, { data: { email: user.email, password: user.password } });
  if (!res.ok()) throw new Error(`sign-in answered ${res.status()}: ${await res.text()}`);
  return user;
}

/** Opens an incident through the public API, as a person with `token`. */
export async function openIncident(server: TTestServer, token: string, title: string, severity = 'SEV2') {
  const res = await fetch(`${server.url}/api/v1/incidents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ title, severity }),
  });
  if (res.status !== 201) throw new Error(`create answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id: string; number: number };
}

/**
 * Fails the script that holds socket.io-client (engine.io's own words mark it), as a train's lost signal
 * does, until `release()`: the page asks for it again every 3 s. `url()`: the script's address once asked.
 */
export async function failSocketScript(page: Page): Promise<{ release: () => void; url: () => string | null }> {
  let url: string | null = null;
  let reachable = false;
  await page.route(/\/_next\/static\/.*\.js$/, async (route) => {
    const res = await route.fetch();
    const body = await res.text();
    if (body.includes('ping timeout')) {
      url = route.request().url();
      if (!reachable) return route.abort('internetdisconnected');
    }
    await route.fulfill({ response: res, body });
  });
  return {
    release: () => {
      reachable = true;
    },
    url: () => url,
  };
}
