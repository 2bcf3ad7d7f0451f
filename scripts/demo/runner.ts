// Plays a scenario against a running Warroom: metric ticks and events in
// scenario order, each sent when its compressed moment comes. Values come from
// generate.ts (scenario + seed); the wall clock only decides when to send, and
// a point's time is its scenario time mapped onto the run's start.
import { randomBytes } from 'node:crypto';
import type { TScenario } from '../../lib/schemas/scenario';
import { formatDuration, type TScenarioEvent } from '../../lib/schemas/scenario-events';
import { MAX_POINTS_PER_BATCH } from '../../lib/api/metric-points';
import { formatCompact } from '../../lib/format/number';
import { ReplayActions } from './actions';
import type { TMetricPointBody } from './replay-room';
import type { TCast } from './cast';
import { pause, type WarroomClient } from './client';
import { generateTicks, type TTick } from './generate';

export interface TReplayOptions {
  scenario: TScenario;
  seed: number;
  speed: number;
  client: WarroomClient;
  cast: TCast;
  log?: (line: string) => void;
  signal?: AbortSignal;
}

export interface TReplaySummary {
  ticks: number;
  points: number;
  posts: number;
  events: number;
  /** wall time (epoch ms) that scenario time 0 — go-live — was mapped to */
  goLiveAt: number;
  incidents: Record<string, { id: string; number: number }>;
  fallbacks: string[];
  wallMs: number;
}

/** How often (in scenario seconds) the log prints the headline numbers. */
const PROGRESS_EVERY = 30 * 60;

/** Maps scenario time (seconds from go-live) onto the wall clock of this run. */
export function wallClock(s: Pick<TScenario, 'start'>, anchorMs: number, speed: number) {
  return (at: number) => Math.round(anchorMs + ((at - s.start) * 1000) / speed);
}

/** "20:49 (+30m)" when the scenario names go-live's clock time, else "+30m". */
export function clockLabel(s: Pick<TScenario, 'goLiveClock'>, at: number): string {
  const rel = `${at >= 0 ? '+' : ''}${formatDuration(at)}`;
  if (!s.goLiveClock) return rel;
  const [h, m] = s.goLiveClock.split(':').map(Number) as [number, number];
  const mins = (((h * 60 + m + Math.floor(at / 60)) % 1440) + 1440) % 1440;
  return `${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')} (${rel})`;
}

export async function runReplay(o: TReplayOptions): Promise<TReplaySummary> {
  const { scenario: s, speed } = o;
  const log = o.log ?? (() => {});
  const now = Date.now;
  if ((s.step * 1000) / speed < 1)
    throw new Error(
      `--speed ${speed} is too fast for step ${formatDuration(s.step)}: two ticks would share a millisecond (at most ${s.step * 1000})`,
    );

  const ticks = generateTicks(s, o.seed);
  // Stable by time: events at one moment keep their order in the file.
  const events = s.events.map((e, index) => ({ e, index })).sort((a, b) => a.e.at - b.e.at || a.index - b.index);
  const actions = new ReplayActions(o.client, o.cast, `demo-${randomBytes(6).toString('hex')}`, speed);
  const room = actions.room;
  const started = now();
  const wall = wallClock(s, started, speed);
  const summary: TReplaySummary = { ticks: 0, points: 0, posts: 0, events: 0, goLiveAt: wall(0), incidents: {}, fallbacks: [], wallMs: 0 };

  if (await room.setGoLive(wall(0))) log(`countdown: go-live at ${new Date(wall(0)).toISOString()}`);
  if (await room.setSafetyLines(s.safetyLines))
    log(`safety lines: ${s.safetyLines.map((l) => `${l.metricName} ${l.warning}/${l.critical}`).join(', ')}`);
  if (await room.setPlans(s.plan, wall)) log(`plan: ${s.plan.map((p) => `${p.series} (${p.points.length} keyframes)`).join(', ')}`);
  if (s.capacity && (await room.setCapacity(s.capacity)))
    log(`capacity: ${s.capacity.perServer} ${s.capacity.series} per healthy server, warn ${s.capacity.leadMinutes} min ahead`);
  log(
    `replaying "${s.name}" at ${speed}× (seed ${o.seed}): ${ticks.length} ticks, ${events.length} events, about ${formatDuration((s.end - s.start) / speed)} of wall time`,
  );

  let pending: TMetricPointBody[] = [];
  let nextProgress = s.start;
  const flush = async () => {
    for (let i = 0; i < pending.length; i += MAX_POINTS_PER_BATCH) {
      summary.points += await room.pushMetrics(pending.slice(i, i + MAX_POINTS_PER_BATCH));
      summary.posts++;
    }
    pending = [];
  };
  const queueTick = (tk: TTick) => {
    const time = wall(tk.at);
    for (const p of tk.points) pending.push({ ...p, time });
    summary.ticks++;
    if (tk.at >= nextProgress) {
      nextProgress = tk.at + PROGRESS_EVERY;
      const v = (name: string) => tk.points.find((p) => p.name === name && !p.labels)?.value;
      const users = v('users_total');
      const online = v('users_online');
      log(
        `${clockLabel(s, tk.at)}${users !== undefined ? ` users ${formatCompact(users, 'en')}` : ''}${online !== undefined ? ` online ${formatCompact(online, 'en')}` : ''}`,
      );
    }
  };
  const runEvent = async ({ e, index }: { e: TScenarioEvent; index: number }) => {
    await flush(); // the event sees every point up to its moment
    log(`${clockLabel(s, e.at)} ${await actions.run(e, index, wall(e.at))}`);
    summary.events++;
  };

  // Each pass sends everything that is due, then sleeps until the next item is:
  // so the passes are bounded by the number of items (plus a margin for timer jitter).
  let ti = 0;
  let ei = 0;
  const maxPasses = 2 * (ticks.length + events.length) + 100;
  for (let pass = 0; ti < ticks.length || ei < events.length; pass++) {
    if (pass >= maxPasses) throw new Error(`replay did not finish in ${maxPasses} passes`);
    o.signal?.throwIfAborted();
    const due = s.start + ((now() - started) * speed) / 1000;
    for (;;) {
      const tk = ticks[ti];
      const ev = events[ei];
      const nextAt = Math.min(tk?.at ?? Infinity, ev?.e.at ?? Infinity);
      if (nextAt > due) break;
      if (tk && tk.at <= (ev?.e.at ?? Infinity)) {
        queueTick(tk);
        ti++;
      } else {
        await runEvent(ev!);
        ei++;
      }
    }
    await flush();
    const nextAt = Math.min(ticks[ti]?.at ?? Infinity, events[ei]?.e.at ?? Infinity);
    if (nextAt !== Infinity) await pause(Math.max(0, wall(nextAt) - now()) + 1, o.signal);
  }

  summary.incidents = Object.fromEntries([...actions.incidents].map(([ref, i]) => [ref, { id: i.id, number: i.number }]));
  summary.fallbacks = [...actions.fallbacks];
  summary.wallMs = now() - started;
  return summary;
}
