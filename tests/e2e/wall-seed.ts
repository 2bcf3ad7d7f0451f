import { api, type TTestServer } from '../helpers/server';
import { pushPoints } from './fixtures';
import { defaultMilestones } from '../../server/services/rooms/ensure-default-room';

const MIN = 60_000;

/**
 * A launch night so far, relative to now: go-live 2 h 10 min ago, registered
 * users from 0.98M (crossing 1M and 2M on the way) to ~2.5M, a spike when
 * the gate opened, online users rising and wobbling; ten servers with
 * safety lines, one warning and one critical; annotations; open incidents,
 * one claimed and one nobody owns yet. Everything through the public API.
 */
export async function seedLaunchNight(server: TTestServer, opts: { room?: string; now?: number } = {}) {
  const now = opts.now ?? Date.now();
  // Its own room: spec files share a worker's server, so the default room stays as other specs expect it.
  const room = opts.room ?? 'launch-night';
  await server.ctx.prisma.room.create({
    data: {
      slug: room,
      name: 'Launch night',
      milestones: { create: defaultMilestones('en') },
    },
  });
  const goLive = now - 130 * MIN;
  const lead = await server.createUser('lead', 'Mei Lin');
  const engineer = await server.createUser('engineer', 'Sam Okafor');
  const key = await server.createIngestKey(room);

  await api(server, 'PATCH', `/api/v1/rooms/${room}/settings`, {
    token: lead.token,
    body: { goLiveAt: new Date(goLive).toISOString(), name: 'Launch night' },
  });
  for (const line of [
    { metricName: 'cpu_ratio', warning: 0.75, critical: 0.9 },
    { metricName: 'mem_ratio', warning: 0.8, critical: 0.92 },
    { metricName: 'error_ratio', warning: 0.01, critical: 0.05 },
  ]) {
    await api(server, 'PUT', `/api/v1/rooms/${room}/safety-lines`, { token: lead.token, body: line });
  }

  // One point a minute from 40 minutes before go-live until now.
  const users: { name: string; value: number; time: number }[] = [];
  const online: { name: string; value: number; time: number }[] = [];
  for (let t = goLive - 40 * MIN; t <= now - 5_000; t += MIN) {
    const m = (t - goLive) / MIN; // minutes since go-live
    const before = 980_000 + (m + 40) * 6_000;
    const after = 1_220_000 + 240_000 * (1 - Math.exp(-m / 6)) + m * 8_000 + Math.max(0, m - 60) * 2_500;
    const u = m < 0 ? before : Math.max(before, after);
    const o = m < 0 ? 30_000 + (m + 40) * 200 : 38_000 + 90_000 * (1 - Math.exp(-m / 10)) + 6_000 * Math.sin(m / 7);
    users.push({ name: 'users_total', value: Math.round(u), time: t });
    online.push({ name: 'users_online', value: Math.round(o), time: t });
  }
  await pushPoints(server, key, [...users, ...online], room);

  const servers = ['web-1', 'web-2', 'web-3', 'web-4', 'web-5', 'web-6', 'api-1', 'api-2', 'db-1', 'db-2'];
  const health = servers.flatMap((s, i) => {
    const cpu = s === 'web-3' ? 0.82 : s === 'db-2' ? 0.64 : 0.35 + ((i * 7) % 20) / 100;
    const err = s === 'db-2' ? 0.071 : 0.001 + i / 10_000;
    const labels = { server: s };
    return [
      { name: 'cpu_ratio', value: cpu, labels, time: now - 5_000 },
      { name: 'mem_ratio', value: 0.5 + ((i * 3) % 25) / 100, labels, time: now - 5_000 },
      { name: 'error_ratio', value: err, labels, time: now - 5_000 },
      { name: 'connections', value: 1_800 + i * 230, labels, time: now - 5_000 },
    ];
  });
  await pushPoints(server, key, health, room);

  await api(server, 'POST', `/api/v1/rooms/${room}/annotations`, {
    token: lead.token,
    body: { label: 'gate opened', time: goLive + 2 * MIN },
  });
  await api(server, 'POST', `/api/v1/rooms/${room}/annotations`, {
    token: lead.token,
    body: { label: 'web-7 drained', time: now - 48 * MIN },
  });

  const open = async (title: string, severity: string) =>
    (await api(server, 'POST', '/api/v1/incidents', { token: engineer.token, body: { title, severity, room } })).body as {
      id: string;
    } | null;
  const dirty = await open('Partner feed: dirty records (0.3% of writes)', 'SEV2');
  await open('db-2 error rate above safety line', 'SEV1');
  await open('Slow avatar uploads in eu-west', 'SEV3');
  if (dirty?.id) await api(server, 'POST', `/api/v1/incidents/${dirty.id}/claim`, { token: engineer.token, body: {} });
  const lastUsers = users[users.length - 1]!.value;
  const lastOnline = online[online.length - 1]!.value;
  const lastTime = users[users.length - 1]!.time;
  // The curve's slope at the end: about 10,500 users a minute.
  const perMs = (lastUsers - users[users.length - 11]!.value) / (lastTime - users[users.length - 11]!.time);
  let beat = 0;
  /** A fresh sample of both headline series, as a live producer would send: keeps the screen from going stale. */
  const freshen = async () => {
    beat++;
    // Server health reported again now, so the tiles are judged live rather than silent.
    await pushPoints(
      server,
      key,
      health.map((p) => ({ ...p, time: Date.now() })),
      room,
    );
    await pushPoints(
      server,
      key,
      [
        { name: 'users_total', value: Math.round(lastUsers + perMs * (Date.now() - lastTime)), time: Date.now() },
        { name: 'users_online', value: lastOnline + beat * 40, time: Date.now() },
      ],
      room,
    );
  };
  return { room, lead, engineer, key, goLive, freshen };
}
