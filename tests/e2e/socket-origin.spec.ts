import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';

/**
 * Cross-site WebSocket hijacking (issue 16), in a real browser: a page served
 * from another origin on the same host (same site, so the browser attaches
 * the session cookie) tries to open Warroom's socket as the signed-in person.
 * The handshake must refuse it, while the same code on Warroom's own page
 * connects — through a CSP whose connect-src is 'self' only.
 */

/** Opens socket.io's engine.io websocket by hand and reports the socket.io CONNECT answer: "40…" accepted, "44…" refused. */
const PROBE = `async function probe(url) {
  return await new Promise((resolve) => {
    const ws = new WebSocket(url);
    const t = setTimeout(() => resolve('timeout'), 8000);
    ws.onmessage = (m) => {
      const d = String(m.data);
      if (d.startsWith('0')) return ws.send('40');
      if (d.startsWith('4')) { clearTimeout(t); ws.close(); resolve(d); }
    };
    ws.onerror = () => { clearTimeout(t); resolve('error'); };
  });
}`;

let evil: Server;
let evilPort = 0;

test.beforeAll(async () => {
  evil = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>elsewhere</title><script>${PROBE}; window.probe = probe;</script>`);
  });
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
  evilPort = (evil.address() as AddressInfo).port;
});
test.afterAll(async () => {
  await new Promise<void>((r) => evil.close(() => r()));
});

test('a page from another origin cannot open a socket as the signed-in person; Warroom’s own page can', async ({ page, server }) => {
  const u = await server.createUser('engineer');
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill(u.email);
  await page.getByLabel('Password').fill(u.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);

  const socketUrl = `ws://127.0.0.1:${server.port}/socket.io/?EIO=4&transport=websocket`;
  // Warroom's own page (its CSP applies): accepted.
  const own = await page.evaluate(`(${PROBE.replace('async function probe', 'async function')})(${JSON.stringify(socketUrl)})`);
  expect(String(own)).toMatch(/^40/);

  // Another port on the same host: same site, so the cookie goes along — and the handshake refuses it.
  await page.goto(`http://127.0.0.1:${evilPort}/`);
  const foreign = await page.evaluate(`window.probe(${JSON.stringify(socketUrl)})`);
  expect(String(foreign)).toMatch(/^44.*forbidden/);
});

test('the CSP keeps Warroom’s pages from connecting anywhere but their own origin', async ({ page, server }) => {
  await page.goto(`${server.url}/login`);
  const blocked = await page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(`blocked ${e.violatedDirective}`), { once: true });
        try {
          const ws = new WebSocket(url);
          ws.onopen = () => resolve('opened');
          setTimeout(() => resolve('no verdict'), 5000);
        } catch (e) {
          resolve(`blocked ${(e as Error).name}`);
        }
      }),
    `ws://localhost:${evilPort}/`,
  );
  expect(blocked).toMatch(/^blocked/);
});

test('Warroom’s own pages run under the nonce policy without a single violation', async ({ page, server }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${server.url}/wall?key=${encodeURIComponent(await server.createDisplayLink())}`);
  await page.waitForLoadState('networkidle');
  const u = await server.createUser('admin');
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill(u.email);
  await page.getByLabel('Password').fill(u.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
  for (const path of ['/', '/incidents', '/admin']) {
    await page.goto(server.url + path);
    await page.waitForLoadState('networkidle');
  }
  expect(violations).toEqual([]);
});
