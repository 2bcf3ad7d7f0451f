import type { TServiceContext } from '../context';
import { scalesOf, stepWarn, withinLead, type TWarnState } from '../../lib/capacity/headroom';
import { approxSpan } from '../../lib/capacity/view';
import type { TActor } from '../services/access/actor';
import { evaluateRoomCapacity } from '../services/capacity/get-capacity';
import { applySignal } from '../services/signals/apply-signal';

const CAPACITY_ACTOR: TActor = { kind: 'system', name: 'capacity' };
/** One capacity signal per room: the pool. */
const CAPACITY_SIGNAL_KEY = 'pool';
/** Models changed by another process are picked up within this long. */
const RELOAD_MS = 30_000;

interface TRoomState {
  series: string | null;
  bucketMs: number;
  loadedAt: number;
  /** the load's newest point time at the last evaluation: one evaluation per rollup bucket */
  lastEvalLoadAt: number;
  warn: TWarnState;
}

const minutes = (ms: number) => Math.max(0, Math.round(ms / 60_000));
const span = (ms: number) => approxSpan(ms, 'en');

/**
 * Evaluates each room's capacity headroom once per rollup bucket of its load
 * series as points arrive, at once when a server is drained or restored or
 * the model changes. Two evaluations in a row within the lead time open (or
 * update) the room's capacity incident through the signal path; two in a row
 * outside it note the recovery and move it to monitoring. The warning state
 * is seeded from the stored signal, so a restart does not forget an open warning.
 */
export function startCapacityEvaluator(ctx: TServiceContext): () => void {
  const rooms = new Map<string, Promise<TRoomState>>();
  let chain = Promise.resolve();

  function stateOf(roomId: string): Promise<TRoomState> {
    let p = rooms.get(roomId);
    if (!p) {
      p = (async () => {
        const [model, signal] = await Promise.all([
          ctx.prisma.capacityModel.findUnique({ where: { roomId } }),
          ctx.prisma.signal.findUnique({
            where: { roomId_kind_dedupKey: { roomId, kind: 'capacity', dedupKey: CAPACITY_SIGNAL_KEY } },
            select: { state: true },
          }),
        ]);
        return {
          series: model?.series ?? null,
          bucketMs: model ? scalesOf(model.leadMinutes).bucketMs : 60_000,
          loadedAt: Date.now(),
          lastEvalLoadAt: Number.NEGATIVE_INFINITY,
          warn: { firing: signal?.state === 'firing', streak: 0 },
        };
      })();
      p.catch(() => rooms.delete(roomId));
      rooms.set(roomId, p);
    }
    return p;
  }

  async function evaluate(roomId: string) {
    const room = await ctx.prisma.room.findUnique({ where: { id: roomId } });
    if (!room) return;
    const st = await stateOf(roomId);
    const { headroom: h, model } = await evaluateRoomCapacity({ ctx, room });
    if (!h || !model) return;
    if (h.loadAt !== null) st.lastEvalLoadAt = h.loadAt;
    const now = Date.now();
    ctx.bus.emit('capacity.evaluated', { roomId });
    const step = stepWarn(st.warn, withinLead(h, now, model.leadMinutes));
    if (!step) return;
    const pct = h.utilization === null ? '–' : `${Math.round(h.utilization * 100)} %`;
    const full = h.saturatesAt === null ? 'not within the horizon' : h.saturatesAt <= now ? 'now' : `in ~${span(h.saturatesAt - now)}`;
    const text = `pool ${pct} · full ${full}${h.nPlusOneSaturatesAt !== null ? (h.nPlusOneSaturatesAt <= now ? ' · N+1 full now' : ` · N+1 in ~${span(h.nPlusOneSaturatesAt - now)}`) : ''}`;
    await applySignal({
      ctx,
      actor: CAPACITY_ACTOR,
      signal: {
        roomId,
        kind: 'capacity',
        dedupKey: CAPACITY_SIGNAL_KEY,
        name: 'pool headroom',
        title: `Pool near capacity: full ${full}`,
        severity: 'SEV2',
        status: step === 'fire' ? 'firing' : 'recovered',
        impact: step === 'fire' ? { text, value: h.saturatesAt === null ? null : minutes(h.saturatesAt - now), unit: 'min' } : null,
        note:
          step === 'fire'
            ? `${model.series} forecast reaches ${Math.round(h.limit)} (${Math.round(model.targetUtilization * 100)} % of ${h.healthyServers} healthy servers) ${full}; ${text}`
            : `headroom back: ${text}`,
        forecast: {
          utilization: h.utilization,
          fullInMs: h.saturatesAt === null ? null : Math.max(0, h.saturatesAt - now),
          nPlusOneInMs: h.nPlusOneSaturatesAt === null ? null : Math.max(0, h.nPlusOneSaturatesAt - now),
        },
        noteData: {
          load: h.load,
          limit: h.limit,
          healthyServers: h.healthyServers,
          saturatesAt: h.saturatesAt === null ? null : new Date(h.saturatesAt).toISOString(),
          nPlusOneSaturatesAt: h.nPlusOneSaturatesAt === null ? null : new Date(h.nPlusOneSaturatesAt).toISOString(),
        },
      },
    });
  }

  const enqueue = (roomId: string) => {
    chain = chain.then(() => evaluate(roomId)).catch((err) => console.error('capacity evaluation failed:', err));
  };
  const offIngest = ctx.bus.on('metrics.ingested', (e) => {
    chain = chain
      .then(async () => {
        let st = await stateOf(e.roomId);
        if (Date.now() - st.loadedAt > RELOAD_MS) {
          rooms.delete(e.roomId);
          st = await stateOf(e.roomId);
        }
        if (!st.series) return;
        const c = e.changes.find((x) => x.name === st.series && x.labelsKey === '');
        if (!c || c.latestTime < st.lastEvalLoadAt + st.bucketMs) return;
        await evaluate(e.roomId);
      })
      .catch((err) => console.error('capacity evaluation failed:', err));
  });
  // Draining shrinks the pool at once: no waiting for the next bucket.
  const offServers = ctx.bus.on('servers.changed', (e) => enqueue(e.roomId));
  const offModel = ctx.bus.on('capacity.changed', (e) => {
    rooms.delete(e.roomId);
    enqueue(e.roomId);
  });
  return () => {
    offIngest();
    offServers();
    offModel();
  };
}
