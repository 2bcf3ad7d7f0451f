/**
 * Notification benchmark (issue 21), against the real server and local fake
 * vendors (tests/helpers/fake-chat.ts):
 *  - latency: event (POST /incidents answered) → vendor accepted, one message at a time, p50/p99;
 *  - storm: N incidents as fast as the API takes them → a DingTalk channel
 *    (20/min): the most messages in any 60 s window against the limit, and
 *    whether every incident was named;
 *  - throughput: M deliveries to a webhook channel with a high limit, rows delivered per second.
 *
 *   npx tsx bench/notify.ts [--db sqlite|postgres] [--latency 30] [--storm 200] [--rows 300]
 *
 * Loopback only; every loop is bounded by its count and by a time limit.
 */
import { cpus, loadavg } from 'node:os';
import { buildIfNeeded } from '../scripts/build-if-needed';
import { startFakeChat } from '../tests/helpers/fake-chat';
import { api, startServer } from '../tests/helpers/server';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : dflt;
};
const DB = arg('db', 'sqlite') as 'sqlite' | 'postgres';
const LATENCY = Number(arg('latency', '30'));
const STORM = Number(arg('storm', '200'));
const ROWS = Number(arg('rows', '300'));

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  await buildIfNeeded();
  const chat = await startFakeChat();
  const server = await startServer({ db: DB, env: { WARROOM_OUTBOX_TICK_MS: '50' } });
  try {
    const engineer = (await server.createUser('engineer')).token;
    const roomId = (await server.ctx.prisma.room.findUniqueOrThrow({ where: { slug: 'launch' } })).id;
    const channel = (name: string, kind: string, url: string, secret: string | null, paused: boolean, ratePerMinute?: number) =>
      server.ctx.prisma.notifyChannel.create({
        data: { roomId, name, kind, url, secret, events: '["incident.opened"]', paused, ratePerMinute: ratePerMinute ?? null },
      });
    const open = async (title: string) => {
      const r = await api(server, 'POST', '/api/v1/incidents', { token: engineer, body: { title, severity: 'SEV1' } });
      if (r.status !== 201) throw new Error(`open: ${r.status}`);
      return (r.body as { number: number }).number;
    };

    // 1. Latency, one message at a time, to a signed webhook.
    const hook = await channel('latency', 'webhook', `${chat.url}/webhook/1`, chat.secrets.webhook, false);
    const lat: number[] = [];
    for (let i = 0; i < LATENCY; i++) {
      const before = chat.messages.length;
      const t0 = performance.now();
      await open(`latency ${i}`);
      const until = Date.now() + 15_000;
      while (chat.messages.length === before && Date.now() < until) await sleep(2);
      lat.push(performance.now() - t0);
    }
    await server.ctx.prisma.notifyChannel.update({ where: { id: hook.id }, data: { paused: true } });

    // 2. Storm to DingTalk (20/min).
    const ding = await channel('storm', 'dingtalk', `${chat.url}/dingtalk/robot/send?access_token=t`, chat.secrets.dingtalk, false);
    const first = chat.messages.length;
    const stormStart = Date.now();
    const numbers: number[] = [];
    for (let i = 0; i < STORM; i++) numbers.push(await open(`storm ${i}`));
    const stormOpened = Date.now() - stormStart;
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline) {
      const left = await server.ctx.prisma.delivery.count({ where: { channelId: ding.id, state: { not: 'delivered' } } });
      if (left === 0) break;
      await sleep(250);
    }
    const got = chat.messages.slice(first).filter((m) => m.vendor === 'dingtalk');
    const times = got.map((m) => m.at);
    const maxWindow = Math.max(0, ...times.map((t) => times.filter((s) => s >= t && s < t + 60_000).length));
    const text = got.map((m) => m.text).join('\n');
    const named = numbers.filter((n) => new RegExp(`#${n}\\b`).test(text)).length;
    const lastAt = (times.at(-1) ?? stormStart) - stormStart;
    await server.ctx.prisma.notifyChannel.update({ where: { id: ding.id }, data: { paused: true } });

    // 3. Throughput: rows written straight to the outbox, sent to a webhook allowed 6000/min.
    const bulk = await channel('bulk', 'webhook', `${chat.url}/webhook/2`, chat.secrets.webhook, true, 6000);
    const now = new Date();
    await server.ctx.prisma.delivery.createMany({
      data: Array.from({ length: ROWS }, (_, i) => ({
        roomId,
        channelId: bulk.id,
        event: 'incident.opened',
        dedupKey: `bench:${i}`,
        payload: JSON.stringify({ room: { slug: 'launch', name: 'Launch', locale: 'en' }, title: `row ${i}` }),
        deadline: new Date(now.getTime() + 86_400_000),
      })),
    });
    const t1 = Date.now();
    await server.ctx.prisma.notifyChannel.update({ where: { id: bulk.id }, data: { paused: false } });
    const until = Date.now() + 180_000;
    let done = 0;
    while (Date.now() < until) {
      done = await server.ctx.prisma.delivery.count({ where: { channelId: bulk.id, state: 'delivered' } });
      if (done === ROWS) break;
      await sleep(100);
    }
    const secs = (Date.now() - t1) / 1000;

    console.log(
      `notify bench on ${DB} (${cpus().length} cores, load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`,
    );
    console.log(
      `latency event → vendor accepted (${LATENCY} messages): p50 ${pct(lat, 50).toFixed(0)} ms, p99 ${pct(lat, 99).toFixed(0)} ms`,
    );
    console.log(
      `storm ${STORM} incidents (opened in ${(stormOpened / 1000).toFixed(1)} s) → DingTalk: ${got.length} messages, at most ${maxWindow} in any 60 s (limit 20), ${named}/${STORM} incidents named, last message ${(lastAt / 1000).toFixed(1)} s after the storm began, ${chat.refused.filter((r) => r.vendor === 'dingtalk').length} refused by the vendor`,
    );
    console.log(`outbox throughput: ${done}/${ROWS} deliveries in ${secs.toFixed(1)} s = ${(done / secs).toFixed(0)} rows/s`);
  } finally {
    await server.stop();
    await chat.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
