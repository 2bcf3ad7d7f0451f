import type { TCapacityAnswer } from '../../../lib/api/capacity';
import { evaluateHeadroom, scalesOf, type THeadroom } from '../../../lib/capacity/headroom';
import type { TServiceContext } from '../../context';
import type { TActor } from '../access/actor';
import type { TRoomRow } from '../rooms/resolve-room';
import { roomFor } from '../rooms/room-for';
import { listServersOfRoom, SERVER_LABEL_FRAGMENT } from '../servers/list-servers';
import { type TCapacityRow, toCapacityModelDto } from './capacity-model';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The room's headroom now, on the server clock: the healthy pool from the
 * fleet judge (the servers list), the load series' recent points, the
 * forecast. `headroom` is null when no model is set.
 */
export async function evaluateRoomCapacity(opts: {
  ctx: TServiceContext;
  room: TRoomRow;
  now?: number;
}): Promise<{ answer: TCapacityAnswer; headroom: THeadroom | null; model: TCapacityRow | null }> {
  const { ctx, room } = opts;
  const now = opts.now ?? Date.now();
  const model = await ctx.prisma.capacityModel.findUnique({ where: { roomId: room.id } });
  const empty: TCapacityAnswer = {
    model: null,
    now: null,
    forecast: [],
    saturatesAt: null,
    nPlusOneSaturatesAt: null,
    history: [],
    serverTime: now,
    staleAfterSeconds: room.staleAfterSeconds,
  };
  if (!model) return { answer: empty, headroom: null, model: null };
  const sc = scalesOf(model.leadMinutes);
  const [load, fleet, perServerRows] = await Promise.all([
    ctx.prisma.metricSeries.findUnique({
      where: { roomId_name_labelsKey: { roomId: room.id, name: model.series, labelsKey: '' } },
      select: { id: true },
    }),
    listServersOfRoom({ ctx, room, now }),
    model.perServerSeries
      ? ctx.prisma.metricSeries.findMany({
          where: { roomId: room.id, name: model.perServerSeries, labelsKey: { contains: SERVER_LABEL_FRAGMENT } },
          select: { labelsKey: true, latestValue: true },
        })
      : [],
  ]);
  const history = load ? await ctx.samples.readRange(load.id, now - 2 * sc.windowMs, now) : [];
  const perServerValues = new Map<string, number>();
  for (const r of perServerRows) {
    const server = (JSON.parse(r.labelsKey) as Record<string, string>).server;
    if (server && r.latestValue !== null) perServerValues.set(server, r.latestValue);
  }
  const h = evaluateHeadroom({
    perServer: model.perServer,
    perServerValues,
    targetUtilization: model.targetUtilization,
    leadMinutes: model.leadMinutes,
    servers: fleet.servers,
    history,
    now,
  });
  return {
    model,
    headroom: h,
    answer: {
      model: toCapacityModelDto(model),
      now: {
        at: new Date(now).toISOString(),
        load: h.load,
        loadAt: iso(h.loadAt),
        healthyServers: h.healthyServers,
        capacity: h.capacity,
        limit: h.limit,
        utilization: h.utilization,
        nPlusOneLimit: h.nPlusOneLimit,
      },
      forecast: h.forecast.map((p) => ({ time: new Date(p.time).toISOString(), value: p.value, low: p.low, high: p.high })),
      saturatesAt: iso(h.saturatesAt),
      nPlusOneSaturatesAt: iso(h.nPlusOneSaturatesAt),
      history: h.rollups.map(([t, v]) => ({ time: new Date(t).toISOString(), value: v })),
      serverTime: now,
      staleAfterSeconds: room.staleAfterSeconds,
    },
  };
}

/** GET /rooms/:room/capacity (viewer+, or the room's display link). */
export async function getCapacity(opts: { ctx: TServiceContext; actor: TActor; slug: string }): Promise<TCapacityAnswer> {
  const room = await roomFor({ ...opts, permission: 'room:read' });
  return (await evaluateRoomCapacity({ ctx: opts.ctx, room })).answer;
}
