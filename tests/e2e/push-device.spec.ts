import { createECDH, randomBytes } from 'node:crypto';
import { decrypt } from 'http_ece';
import { startFakePush } from '../helpers/fake-push';
import { expect, FULL_BROWSER, openIncident, signIn, test } from './fixtures';
import { PHONE } from './phone-helpers';

// The headless shell the other specs use denies every notification permission.
test.use(FULL_BROWSER);

/**
 * "Notify me on this device" on the phone page, in Chromium. Headless Chromium
 * has no push service it can reach here (Chrome's is Google's FCM), so only
 * PushManager is replaced: it hands out a device whose endpoint is a local fake
 * push service and whose keys this test holds. The notification permission,
 * the service worker registration, the install's VAPID key, the saved
 * subscription and the server's encrypted push are all real: the payload that
 * reaches the fake push service decrypts (RFC 8291) with the device's keys.
 */
test('the phone turns push on, an incident reaches the device encrypted for it, and turning it off removes it', async ({
  browser,
  server,
}) => {
  const push = await startFakePush();
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  const device = {
    endpoint: `${push.url}/device/e2e-phone`,
    expirationTime: null,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
  };
  const context = await browser.newContext({ ...PHONE });
  try {
    await context.grantPermissions(['notifications'], { origin: server.url });
    await context.addInitScript((d) => {
      // The browser keeps a subscription across reloads: so does this one (in the tab's session storage).
      const KEPT = 'e2e.fake-push-subscription';
      const make = () =>
        ({
          endpoint: d.endpoint,
          expirationTime: null,
          toJSON: () => d,
          unsubscribe: async () => {
            sessionStorage.removeItem(KEPT);
            return true;
          },
        }) as unknown as PushSubscription;
      let current: PushSubscription | null = sessionStorage.getItem(KEPT) ? make() : null;
      PushManager.prototype.getSubscription = async () => (sessionStorage.getItem(KEPT) ? current : null);
      PushManager.prototype.subscribe = async (opts?: PushSubscriptionOptionsInit) => {
        // The page must hand over the install's VAPID public key: a P-256 point, 65 bytes.
        const key = opts?.applicationServerKey as Uint8Array | undefined;
        if (key?.byteLength !== 65) throw new Error('no VAPID key given to subscribe()');
        sessionStorage.setItem(KEPT, '1');
        current = make();
        return current;
      };
    }, device);
    const me = await signIn(context, server, 'viewer', 'Mei the manager');
    const engineer = await server.createUser('engineer');
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const panel = page.getByTestId('notify-device');
    await expect(panel.getByRole('heading')).toHaveText('Notify me on this device');
    await panel.getByRole('combobox').selectOption('SEV2');
    await panel.getByRole('button', { name: 'Notify me on this device' }).click();
    await expect(panel.getByRole('status')).toHaveText(/^On: this device is told about SEV2 and worse in .+\.$/);
    const saved = await server.ctx.prisma.pushSubscription.findMany({ where: { userId: me.id } });
    expect(saved.map((s) => s.endpoint)).toEqual([device.endpoint]);
    // The worker that shows the notification is registered for the whole site.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/'))?.active?.scriptURL)).toMatch(
      /\/push-sw\.js$/,
    );

    // An SEV3 is below what this device asked for; the SEV2 after it arrives, encrypted for this device.
    await openIncident(server, engineer.token, 'Search is slow', 'SEV3');
    await openIncident(server, engineer.token, 'Checkout fails for some', 'SEV2');
    await expect.poll(() => push.received.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const payloads = push.received.map((r) =>
      JSON.parse(decrypt(r.body, { version: 'aes128gcm', privateKey: ecdh, authSecret: auth.toString('base64url') }).toString()),
    );
    expect(payloads.map((p: { title: string }) => p.title).join('\n')).toContain('Checkout fails for some');
    expect(payloads.map((p: { title: string }) => p.title).join('\n')).not.toContain('Search is slow');

    // Still on after a reload (the browser remembers its subscription); off removes it on the server.
    await page.reload();
    await expect(panel.getByRole('status')).toContainText('SEV2');
    await panel.getByRole('button', { name: 'Turn off on this device' }).click();
    await expect(panel.getByRole('button', { name: 'Notify me on this device' })).toBeVisible();
    await expect.poll(() => server.ctx.prisma.pushSubscription.count({ where: { userId: me.id } })).toBe(0);
  } finally {
    await context.close();
    await push.close();
  }
});

test('where the browser blocks notifications, the control says so and offers nothing to press', async ({ browser, server }) => {
  const context = await browser.newContext({ ...PHONE });
  try {
    await context.addInitScript(() => {
      Object.defineProperty(Notification, 'permission', { get: () => 'denied' });
    });
    await signIn(context, server, 'viewer');
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const panel = page.getByTestId('notify-device');
    await expect(panel.getByRole('status')).toContainText('Notifications are blocked for Warroom');
    await expect(panel.getByRole('button')).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('a person whose browser speaks Chinese reads the control in Chinese, with the chat hint for mainland China', async ({
  browser,
  server,
}) => {
  const context = await browser.newContext({ ...PHONE, locale: 'zh-CN' });
  try {
    await context.grantPermissions(['notifications'], { origin: server.url });
    await signIn(context, server, 'viewer');
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const panel = page.getByTestId('notify-device');
    await expect(panel.getByRole('heading')).toHaveText('在此设备上通知我');
    await expect(panel.getByRole('button', { name: '在此设备上通知我' })).toBeVisible();
    await expect(panel).toContainText('最低级别');
    await expect(panel).toContainText('钉钉、飞书或企业微信渠道总能送达');
    await panel.screenshot({ path: 'docs/push-control-zh-phone.png' });
  } finally {
    await context.close();
  }
});
