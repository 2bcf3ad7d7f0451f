/**
 * Shared by the phone benches: a real production server on a throwaway
 * database with a night in progress (so the page has numbers, a trend and
 * incidents to draw), and a signed-in viewer's session cookie.
 */
import { buildIfNeeded } from '../scripts/build-if-needed';
import { startServer, type TTestServer } from '../tests/helpers/server';

export interface TPhoneBenchServer {
  server: TTestServer;
  /** `name=value; …` for a Cookie header, or null when sign-in is not available */
  cookie: string | null;
  cookies: { name: string; value: string }[];
}

export async function startPhoneBenchServer(): Promise<TPhoneBenchServer> {
  buildIfNeeded();
  const server = await startServer();
  const key = await server.createIngestKey();
  const now = Date.now();
  const points = [];
  // Six hours of a launch night at one point a minute.
  for (let m = 360; m >= 0; m--) {
    points.push({ name: 'users_total', value: Math.round(1_250_000 + (360 - m) ** 1.6 * 40), time: now - m * 60_000 });
    points.push({ name: 'users_online', value: Math.round(38_000 + (360 - m) * 120 + Math.sin(m / 9) * 900), time: now - m * 60_000 });
  }
  const res = await fetch(`${server.url}/api/v1/metrics`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ points }),
  });
  if (res.status !== 202) throw new Error(`seeding metrics answered ${res.status}`);
  // Incidents through the public API: the server stays the only writer, as in production.
  const eng = await server.createUser('engineer', 'Dana Engineer');
  const post = async (path: string, body: unknown) => {
    const r = await fetch(server.url + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${eng.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (r.status >= 300) throw new Error(`POST ${path} answered ${r.status}`);
    return (await r.json()) as { number: number };
  };
  const a = await post('/api/v1/incidents', { title: 'Partner feed sends dirty records', severity: 'SEV2' });
  await post(`/api/v1/incidents/${a.number}/claim`, {});
  await post('/api/v1/incidents', { title: 'web-3 node hardware fault', severity: 'SEV1' });

  const viewer = await server.createUser('viewer', 'Morgan Manager');
  const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: viewer.email, password: viewer.password }),
  });
  const cookies = signIn.ok
    ? signIn.headers.getSetCookie().map((c) => {
        const [pair] = c.split(';');
        const i = pair!.indexOf('=');
        return { name: pair!.slice(0, i), value: pair!.slice(i + 1) };
      })
    : [];
  if (!signIn.ok) console.warn(`sign-in answered ${signIn.status}: measuring the page a signed-out visitor gets`);
  const cookie = cookies.length ? cookies.map((c) => `${c.name}=${c.value}`).join('; ') : null;
  // A server that has been up a while has its route code loaded: measure that, not the first request after boot.
  for (let i = 0; i < 3; i++) await (await fetch(`${server.url}/`, { headers: cookie ? { cookie } : {} })).text();
  return { server, cookies, cookie };
}
