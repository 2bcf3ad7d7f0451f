/**
 * Alertmanager webhook benchmark (issue 11): how long the server takes to
 * answer one v4 payload of N alerts — the first delivery (opens the incident,
 * stores every fingerprint), a redelivery (changes nothing) and the resolve —
 * against the real server. Alertmanager's default webhook timeout is 10 s.
 *
 *   npx tsx bench/alertmanager.ts [--alerts 500] [--rounds 5] [--db sqlite|postgres]
 *
 * Loopback only; bounded by --rounds.
 */
import { buildIfNeeded } from '../scripts/build-if-needed';
import { startServer } from '../tests/helpers/server';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const ALERTS = Number(arg('alerts', '500'));
const ROUNDS = Number(arg('rounds', '5'));
const DB = arg('db', 'sqlite') as 'sqlite' | 'postgres';

function payload(group: string, status: 'firing' | 'resolved') {
  const alerts = Array.from({ length: ALERTS }, (_, i) => ({
    status,
    labels: { alertname: 'NodeDown', instance: `node-${i}:9100`, job: 'node', severity: 'critical' },
    annotations: { summary: `node ${i} is down` },
    startsAt: '2026-11-28T20:19:00.000Z',
    endsAt: status === 'resolved' ? '2026-11-28T20:29:00.000Z' : '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus.local:9090/graph',
    fingerprint: `${group}-${i.toString(16).padStart(8, '0')}`,
  }));
  return JSON.stringify({
    version: '4',
    groupKey: `{}:{group="${group}"}`,
    truncatedAlerts: 0,
    status,
    receiver: 'warroom',
    groupLabels: { group },
    commonLabels: { alertname: 'NodeDown', severity: 'critical' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.local:9093',
    alerts,
  });
}

async function main() {
  buildIfNeeded();
  const server = await startServer({ db: DB });
  try {
    const key = await server.createIngestKey();
    const post = async (body: string) => {
      const start = performance.now();
      const res = await fetch(`${server.url}/api/v1/alerts/alertmanager`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body,
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${res.status} ${text}`);
      return performance.now() - start;
    };
    const times = { first: [] as number[], again: [] as number[], resolved: [] as number[] };
    for (let r = 0; r < ROUNDS; r++) {
      const group = `g${r}`;
      times.first.push(await post(payload(group, 'firing')));
      times.again.push(await post(payload(group, 'firing')));
      times.resolved.push(await post(payload(group, 'resolved')));
    }
    const fmt = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return `median ${s[Math.floor(s.length / 2)]!.toFixed(0)} ms, max ${s[s.length - 1]!.toFixed(0)} ms`;
    };
    console.log(`database ${DB}; ${ALERTS} alerts per payload, ${ROUNDS} groups`);
    console.log(`first delivery (opens the incident, stores every fingerprint): ${fmt(times.first)}`);
    console.log(`redelivery (changes nothing): ${fmt(times.again)}`);
    console.log(`all resolved (note, monitoring): ${fmt(times.resolved)}`);
  } finally {
    await server.stop();
  }
}

await main();
