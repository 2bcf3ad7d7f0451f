import type { TScenario } from '../../lib/schemas/scenario';
import { evaluateHeadroom, stepWarn, withinLead, type TWarnState } from '../../lib/capacity/headroom';
import { judgeFleet, type TDrainInfo } from '../../lib/fleet/judge';
import type { TPoint } from '../../lib/capacity/forecast';
import { generateTicks, seriesValues } from './generate';

const MIN = 60_000;

export interface TCapacityReplay {
  /** what changed, minute by minute: the healthy pool, the warning raised or cleared (ms since go-live) */
  log: {
    at: number;
    healthyServers: number;
    limit: number;
    step: ReturnType<typeof stepWarn>;
    load: number | null;
    utilization: number | null;
    saturatesAt: number | null;
  }[];
  firstWarning: number | null;
  /** when the load first reaches the healthy pool's limit */
  firstFull: number | null;
  drain: { at: number; server: string } | null;
}

/**
 * The demo night's capacity warning as the server would raise it: once a
 * minute from go-live to an hour past `until`, the healthy pool the fleet
 * judge sees (the scenario's drain applied at its time, silence after the
 * demo's stale threshold, about 40 min of the night), the scenario's model,
 * two evaluations in a row within the lead time. Pure computation.
 */
export function replayCapacity(scenario: TScenario, seed: number, until: number): TCapacityReplay {
  const cap = scenario.capacity;
  const ticks = generateTicks(scenario, seed);
  const night: TPoint[] = seriesValues(ticks, cap?.series ?? 'users_online').map((p) => [p.at * 1000, p.value]);
  const ev = scenario.events.find((e) => e.type === 'drain');
  const drain = ev && ev.type === 'drain' ? { at: ev.at * 1000, server: ev.server } : null;
  const out: TCapacityReplay = { log: [], firstWarning: null, firstFull: null, drain };
  if (!cap) return out;
  const lines = scenario.safetyLines.map((l) => ({ ...l, direction: 'above' }));
  const byTick = new Map(ticks.map((tk) => [tk.at * 1000, tk]));
  const tickTimes = [...byTick.keys()];
  const s: TWarnState = { firing: false, streak: 0 };
  let healthyBefore = -1;
  for (let now = 0; now <= until; now += MIN) {
    const tk = byTick.get(tickTimes.filter((t) => t <= now).at(-1)!)!;
    const latest = tk.points
      .filter((p) => p.labels?.server)
      .map((p) => ({ name: p.name, labels: p.labels!, value: p.value, time: new Date(tk.at * 1000).toISOString() }));
    const drains = new Map<string, TDrainInfo>();
    if (drain && drain.at <= now)
      drains.set(drain.server, { drainedAt: new Date(0).toISOString(), drainedBy: 'replay', reason: null, incident: null });
    const servers = judgeFleet({ latest, lines, staleAfterSeconds: 41 * 60, now, drains });
    const h = evaluateHeadroom({
      perServer: cap.perServer,
      targetUtilization: cap.targetUtilization,
      leadMinutes: cap.leadMinutes,
      servers,
      history: night.filter(([t]) => t <= now && t > now - 2 * cap.leadMinutes * MIN),
      now,
    });
    if (out.firstFull === null && h.load !== null && h.load >= h.limit) out.firstFull = now;
    const step = stepWarn(s, withinLead(h, now, cap.leadMinutes));
    if (step === 'fire' && out.firstWarning === null) out.firstWarning = now;
    if (step || h.healthyServers !== healthyBefore)
      out.log.push({
        at: now,
        healthyServers: h.healthyServers,
        limit: h.limit,
        step,
        load: h.load,
        utilization: h.utilization,
        saturatesAt: h.saturatesAt,
      });
    healthyBefore = h.healthyServers;
  }
  return out;
}
