import type { TServiceContext } from '../../context';
import type { TProbeResult } from '../../../lib/api/signals';
import type { TSeverity } from '../../../lib/incidents';
import type { TActor } from '../access/actor';
import { ingestMetrics } from '../metrics/ingest-metrics';
import { applySignal } from './apply-signal';
import type { TCheckResult } from './check-http';
import { parseRecent, RECENT_RESULTS, type TProbeRow } from './probe-dto';

/** The server's own hand when a probe changes an incident. */
const PROBE_ACTOR: TActor = { kind: 'system', name: 'probe' };

/** pending/up/down after one more result: down after N failures in a row, up after M successes. */
export function nextProbeState(
  p: { state: string; failStreak: number; okStreak: number; downAfter: number; upAfter: number },
  ok: boolean,
) {
  const failStreak = ok ? 0 : p.failStreak + 1;
  const okStreak = ok ? p.okStreak + 1 : 0;
  let state = p.state;
  if (!ok && failStreak >= p.downAfter) state = 'down';
  // From pending one success is enough to say "up"; from down it takes upAfter.
  else if (ok && (p.state === 'pending' || okStreak >= p.upAfter)) state = 'up';
  return { state, failStreak, okStreak };
}

/**
 * Stores one check of a probe — only if this process still holds its lease,
 * so a check that outlived its lease is not counted twice — then, after
 * commit: the result as series probe_up / probe_latency_ms through the normal
 * ingest, and a down/up transition through the one signal path.
 */
export async function recordProbeResult(opts: {
  ctx: TServiceContext;
  probe: TProbeRow;
  owner: string;
  result: TCheckResult;
  at: Date;
}): Promise<boolean> {
  const { ctx, probe, owner, result, at } = opts;
  const entry: TProbeResult = {
    at: at.toISOString(),
    ok: result.ok,
    latencyMs: result.latencyMs,
    ...(result.status ? { status: result.status } : {}),
    ...(result.error ? { error: result.error } : {}),
  };
  const recent = [...parseRecent(probe.recent), entry].slice(-RECENT_RESULTS);
  const next = nextProbeState(probe, result.ok);
  // The next run keeps the cadence; a run that fell far behind (a stop, a restart) starts again from now.
  const due = probe.nextRunAt.getTime() + probe.intervalSeconds * 1000;
  const nextRunAt = new Date(due > at.getTime() ? due : at.getTime() + probe.intervalSeconds * 1000);
  const saved = await ctx.prisma.probe.updateMany({
    where: { id: probe.id, leaseOwner: owner },
    data: {
      state: next.state,
      failStreak: next.failStreak,
      okStreak: next.okStreak,
      lastCheckedAt: at,
      lastLatencyMs: result.latencyMs,
      lastError: result.error ?? null,
      recent: JSON.stringify(recent),
      nextRunAt,
      leaseOwner: null,
      leaseUntil: null,
    },
  });
  if (saved.count === 0) return false;

  const room = await ctx.prisma.room.findUnique({ where: { id: probe.roomId }, select: { slug: true } });
  if (room) {
    const labels = { probe: probe.name };
    await ingestMetrics({
      ctx,
      actor: PROBE_ACTOR,
      input: {
        room: room.slug,
        points: [
          { name: 'probe_up', value: result.ok ? 1 : 0, time: at.getTime(), labels },
          { name: 'probe_latency_ms', value: result.latencyMs, time: at.getTime(), labels },
        ],
      },
    });
  }
  if (next.state !== probe.state && (next.state === 'down' || (next.state === 'up' && probe.state === 'down'))) {
    const down = next.state === 'down';
    await applySignal({
      ctx,
      actor: PROBE_ACTOR,
      signal: {
        roomId: probe.roomId,
        kind: 'probe',
        dedupKey: probe.id,
        name: probe.name,
        title: `${probe.name} is down`,
        severity: probe.severity as TSeverity,
        status: down ? 'firing' : 'recovered',
        url: probe.url,
        description: down ? `${probe.method} ${probe.url}: ${result.error ?? 'failed'}` : null,
        note: down
          ? `probe ${probe.name} down after ${next.failStreak} failed ${next.failStreak === 1 ? 'check' : 'checks'}: ${result.error ?? 'failed'}`
          : `probe ${probe.name} up again after ${next.okStreak} good ${next.okStreak === 1 ? 'check' : 'checks'} (${result.latencyMs} ms)`,
        noteData: { probe: probe.name, url: probe.url, error: result.error ?? null, status: result.status ?? null },
        at,
      },
    });
  }
  ctx.bus.emit('probe.changed', { roomId: probe.roomId, probeId: probe.id });
  return true;
}
