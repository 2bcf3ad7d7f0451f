/**
 * A small launch night seeded through the public API only: three hours of
 * minute samples of both headline series (crossing the 1M and 2M
 * milestones), an annotation, incidents claimed, updated, narrowed down and
 * resolved by several people. Tests compute the expected figures from what
 * they sent and what the API answered, never from the server's own code.
 */
import { api, type TTestServer } from '../helpers/server';

export const MINUTE = 60_000;
export const SAMPLES = 180;

export interface TSeededNight {
  base: number;
  users: [number, number][];
  online: [number, number][];
  people: Record<
    'leadA' | 'leadB' | 'eng1' | 'eng2' | 'viewer',
    { id: string; email: string; name: string; token: string; password: string }
  >;
  ingest: string;
  /** incident ids by role in the story */
  incidents: { resolvedFast: string; resolvedSlow: string; openOwned: string; openUnowned: string; openClaimed: string };
}

export function usersAt(i: number): number {
  // A slow start, a surge from minute 60 (the gate opens), a flat spell, then a jump at minute 150.
  return 990_000 + i * 1_000 + Math.max(0, i - 60) * 9_000 - Math.max(0, i - 120) * 8_000 + (i >= 150 ? 40_000 : 0);
}
export function onlineAt(i: number): number {
  return 50_000 + Math.round(30_000 * Math.sin(i / 25)) + (i === 97 ? 70_000 : 0);
}

// biome-ignore lint/suspicious/noExplicitAny: API answers of many shapes, checked by the tests that read them
async function ok(p: Promise<{ status: number; body: any }>, want: number, what: string) {
  const r = await p;
  if (r.status !== want) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function seedNight(server: TTestServer): Promise<TSeededNight> {
  const base = Math.floor((Date.now() - (SAMPLES + 5) * MINUTE) / MINUTE) * MINUTE;
  const people = {
    leadA: await server.createUser('lead', 'Lead Anna'),
    leadB: await server.createUser('lead', 'Qian Lan'),
    eng1: await server.createUser('engineer', 'Eng One'),
    eng2: await server.createUser('engineer', 'Eng Two'),
    viewer: await server.createUser('viewer', 'Manager'),
  };
  const ingest = await server.createIngestKey();
  const users: [number, number][] = [];
  const online: [number, number][] = [];
  for (let i = 0; i < SAMPLES; i++) {
    users.push([base + i * MINUTE, usersAt(i)]);
    online.push([base + i * MINUTE, onlineAt(i)]);
  }
  const points = [
    ...users.map(([time, value]) => ({ name: 'users_total', time, value })),
    ...online.map(([time, value]) => ({ name: 'users_online', time, value })),
  ];
  await ok(api(server, 'POST', '/api/v1/metrics', { token: ingest, body: { points } }), 202, 'metrics');
  await ok(
    api(server, 'POST', '/api/v1/rooms/launch/annotations', {
      token: people.leadA.token,
      body: { label: 'gate opened', time: base + 60 * MINUTE },
    }),
    201,
    'annotation',
  );

  const open = async (title: string, severity: string, token: string) =>
    (await ok(api(server, 'POST', '/api/v1/incidents', { token, body: { title, severity } }), 201, 'incident')).id as string;
  const claim = (id: string, token: string) => ok(api(server, 'POST', `/api/v1/incidents/${id}/claim`, { token }), 200, 'claim');
  const post = (id: string, token: string, body: string) =>
    ok(api(server, 'POST', `/api/v1/incidents/${id}/updates`, { token, body: { body } }), 201, 'post');
  const resolve = async (id: string, token: string) => {
    const inc = await ok(api(server, 'GET', `/api/v1/incidents/${id}`, { token }), 200, 'get');
    await ok(
      api(server, 'POST', `/api/v1/incidents/${id}/status`, { token, body: { status: 'resolved', version: inc.version } }),
      200,
      'resolve',
    );
  };
  const ruleOut = async (id: string, token: string, text: string) => {
    const inc = await ok(api(server, 'POST', `/api/v1/incidents/${id}/findings`, { token, body: { text } }), 201, 'finding');
    const f = (inc.findings as { id: string; text: string }[]).find((x) => x.text === text)!;
    await ok(api(server, 'POST', `/api/v1/incidents/${id}/findings/${f.id}`, { token, body: { state: 'ruled_out' } }), 200, 'rule out');
  };

  const resolvedFast = await open('Login latency', 'SEV2', people.eng1.token);
  await claim(resolvedFast, people.eng1.token);
  await post(resolvedFast, people.eng1.token, 'cache warmed');
  await resolve(resolvedFast, people.eng1.token);

  const openOwned = await open('Partner feed sends dirty records', 'SEV1', people.leadA.token);
  await claim(openOwned, people.eng2.token);
  await ruleOut(openOwned, people.eng2.token, 'code');
  await ruleOut(openOwned, people.eng2.token, 'middleware');
  await post(openOwned, people.eng2.token, 'repairing rows by hand while the root cause is hunted');

  const resolvedSlow = await open('Node web-3 hardware fault', 'SEV2', people.eng2.token);
  await post(resolvedSlow, people.eng1.token, 'scan running');
  await claim(resolvedSlow, people.eng1.token);
  await post(resolvedSlow, people.eng1.token, 'node removed from the pool');
  await resolve(resolvedSlow, people.eng1.token);

  const openUnowned = await open('Slow avatar uploads', 'SEV4', people.eng1.token);
  const openClaimed = await open('Email queue backlog', 'SEV3', people.eng1.token);
  await claim(openClaimed, people.leadA.token);
  return { base, users, online, people, ingest, incidents: { resolvedFast, resolvedSlow, openOwned, openUnowned, openClaimed } };
}

/** Polls until fn answers something truthy (bounded: 5 s). */
export async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (let n = 0; n < 200; n++) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
}
