import { expect, signIn, test } from './fixtures';

test('signing in from a protected page returns to it; signing out ends the session', async ({ page, server }) => {
  const u = await server.createUser('admin');
  await page.goto(`${server.url}/admin`);
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin$/);
  await page.getByLabel('Email').fill(u.email);
  await page.getByLabel('Password').fill(u.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${server.url}/admin`);
  await expect(page.getByText(`Signed in as ${u.email}`)).toBeVisible();
  await expect(page.getByTestId(`user-${u.email}`)).toBeVisible();

  // The cookie is HttpOnly: the page's scripts cannot read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain('session_token');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${server.url}/login`);
  await page.goto(`${server.url}/incidents`);
  await expect(page).toHaveURL(/\/login\?next=%2Fincidents$/);
});

test('a wrong password says so and keeps the person on the sign-in page', async ({ page, server }) => {
  const u = await server.createUser('viewer');
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill(u.email);
  await page.getByLabel('Password').fill('not-my-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('login-error')).toHaveText('Wrong email or password.');
  await expect(page).toHaveURL(`${server.url}/login`);
});

test('too many wrong passwords show when to try again and who can unlock; an admin unlocks on /admin', async ({
  page,
  browser,
  server,
}) => {
  const u = await server.createUser('viewer');
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill(u.email);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Password').fill(`wrong-${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('login-error')).toHaveText('Wrong email or password.');
  }
  await page.getByLabel('Password').fill(u.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('login-error')).toContainText(
    /Too many failed sign-ins for this account\. Try again in \d+ minutes, or ask an admin to unlock it \(Admin page → Unlock\)\./,
  );
  // An admin, elsewhere, presses Unlock; the person signs in at once.
  const adminContext = await browser.newContext();
  await signIn(adminContext, server, 'admin');
  const adminPage = await adminContext.newPage();
  await adminPage.goto(`${server.url}/admin`);
  await adminPage.getByTestId(`user-${u.email}`).getByRole('button', { name: 'Unlock' }).click();
  await expect(adminPage.getByTestId('unlocked')).toContainText(`${u.email} may sign in again`);
  await adminContext.close();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
});

test('a display link opens the wall without signing in, and only that wall', async ({ page, server }) => {
  const display = await server.createDisplayLink();
  await page.goto(`${server.url}/wall/launch?key=${encodeURIComponent(display)}`);
  await expect(page).toHaveURL(/\/wall\/launch\?key=/);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  // The key opens nothing else.
  await page.goto(`${server.url}/incidents?key=${encodeURIComponent(display)}`);
  await expect(page).toHaveURL(/\/login/);
});

test('an admin issues a display link on the admin page and revoking it clears the wall, which says so', async ({
  page,
  browser,
  server,
}) => {
  const admin = await server.createUser('admin');
  await page.goto(`${server.url}/login?next=%2Fadmin`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${server.url}/admin`);
  await page.getByLabel('Kind').selectOption('display');
  await page.getByLabel('Name', { exact: true }).nth(1).fill('lobby tv');
  await page.getByRole('button', { name: 'Issue' }).click();
  const url = (await page.getByTestId('issued-secret').locator('code').textContent())!.trim();
  expect(url).toMatch(/\/wall\/launch\?key=wr_dsp_/);

  const wallContext = await browser.newContext();
  const wall = await wallContext.newPage();
  await wall.goto(server.url + new URL(url).pathname + new URL(url).search);
  await expect(wall.getByTestId('connection')).toHaveAttribute('data-state', 'live');

  const row = page.locator('tr', { hasText: 'lobby tv' });
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.locator('tr', { hasText: 'lobby tv' })).toHaveCount(0);
  // The wall drops the room and says the link was revoked (not "reconnecting" forever).
  await expect(wall.getByTestId('access')).toHaveAttribute('data-problem', 'revoked', { timeout: 5000 });
  await expect(wall.getByTestId('connection')).toHaveCount(0);
  await wallContext.close();
});

test('a signed-in person opens the wall without a display link', async ({ page, server }) => {
  const u = await server.createUser('viewer');
  await page.goto(`${server.url}/login?next=%2Fwall`);
  await page.getByLabel('Email').fill(u.email);
  await page.getByLabel('Password').fill(u.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${server.url}/wall`);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
});

test('a welcome link names whose account it is, and choosing the password signs them in', async ({ page, server }) => {
  const { createPasswordLink } = await import('../../server/services/users/create-password-link');
  const { CLI_ACTOR } = await import('../../scripts/cli/actor');
  const u = await server.createUser('engineer', 'Wen Welcome');
  const link = await createPasswordLink({ ctx: server.ctx, actor: CLI_ACTOR, input: { idOrEmail: u.email } });
  await page.goto(`${server.url}/welcome?${new URL(link.url).searchParams}`);
  await expect(page.getByTestId('welcome-who')).toHaveText(`This sets the password of Wen Welcome (${u.email}).`);
  await page.getByLabel('Password', { exact: true }).fill('a brand new secret');
  await page.getByLabel('Password again').fill('a brand new secret');
  await page.getByRole('button', { name: 'Set my password' }).click();
  await expect(page).toHaveURL(`${server.url}/`);
  await expect(page.getByTestId('home')).toBeVisible();
});
