/**
 * The kinds of caller the access tests try every route and socket with:
 * people of each role by personal token and by session cookie, machine and
 * screen credentials, and credentials that must no longer work.
 */
import { api, type TTestServer } from '../helpers/server';
import type { TRole } from '../../server/services/access/actor';

export type TCallerName =
  | 'anonymous'
  | 'viewer'
  | 'engineer'
  | 'lead'
  | 'admin'
  | 'viewer (session)'
  | 'admin (session)'
  | 'ingest key'
  | 'display link'
  | 'revoked token'
  | 'disabled user'
  | 'garbage bearer';

export interface TCaller {
  name: TCallerName;
  /** a person's role, when the caller acts as a person */
  role?: TRole;
  kind: 'nobody' | 'user' | 'ingest' | 'display';
  headers: Record<string, string>;
}

/** Signs in through Better Auth's endpoint and returns the session cookie ("name=value"). */
export async function signInCookie(server: TTestServer, email: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

export async function makeCallers(server: TTestServer): Promise<Record<TCallerName, TCaller>> {
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  const people = Object.fromEntries(
    await Promise.all((['viewer', 'engineer', 'lead', 'admin'] as const).map(async (r) => [r, await server.createUser(r)] as const)),
  ) as Record<TRole, Awaited<ReturnType<TTestServer['createUser']>>>;
  const revoked = await server.createUser('engineer');
  const r = await api(server, 'DELETE', `/api/v1/admin/credentials/${encodeURIComponent(revoked.token.slice(0, 11))}`, {
    token: people.admin.token,
  });
  if (r.status !== 200) throw new Error(`revoke answered ${r.status}`);
  const disabled = await server.createUser('admin');
  const d = await api(server, 'PATCH', `/api/v1/admin/users/${disabled.id}`, { token: people.admin.token, body: { disabled: true } });
  if (d.status !== 200) throw new Error(`disable answered ${d.status}`);
  // Same-origin writes with the cookie carry the browser's Origin, as fetch from our pages does.
  const session = async (u: { email: string; password: string }) => ({
    cookie: await signInCookie(server, u.email, u.password),
    origin: server.url,
  });
  return {
    anonymous: { name: 'anonymous', kind: 'nobody', headers: {} },
    viewer: { name: 'viewer', role: 'viewer', kind: 'user', headers: bearer(people.viewer.token) },
    engineer: { name: 'engineer', role: 'engineer', kind: 'user', headers: bearer(people.engineer.token) },
    lead: { name: 'lead', role: 'lead', kind: 'user', headers: bearer(people.lead.token) },
    admin: { name: 'admin', role: 'admin', kind: 'user', headers: bearer(people.admin.token) },
    'viewer (session)': { name: 'viewer (session)', role: 'viewer', kind: 'user', headers: await session(people.viewer) },
    'admin (session)': { name: 'admin (session)', role: 'admin', kind: 'user', headers: await session(people.admin) },
    'ingest key': { name: 'ingest key', kind: 'ingest', headers: bearer(await server.createIngestKey()) },
    'display link': { name: 'display link', kind: 'display', headers: bearer(await server.createDisplayLink()) },
    'revoked token': { name: 'revoked token', kind: 'nobody', headers: bearer(revoked.token) },
    'disabled user': { name: 'disabled user', kind: 'nobody', headers: bearer(disabled.token) },
    'garbage bearer': { name: 'garbage bearer', kind: 'nobody', headers: bearer('wr_pat_not-a-real-token') },
  };
}
