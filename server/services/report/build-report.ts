import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { decimate } from '../../../lib/decimate';
import { HEADLINE_SERIES } from '../../../lib/series';
import { fastestGrowth, lastValuesAt, planDelta, replayTimes, seriesFigures, stat } from '../../../lib/night/figures';
import { MAX_REPORT_WINDOW_MS, type TMoment, type TReport } from '../../../lib/api/night-report';
import { HOUR_MS, MINUTE_MS } from '../../../lib/wall/growth';
import type { TActor } from '../access/actor';
import { toRoomDto } from '../rooms/resolve-room';
import { roomFor } from '../rooms/room-for';
import { DEFAULT_WINDOW_MS, toHandoverDto } from '../handovers/handover-dto';
import { plansOfRoom } from '../plan/list-plans';
import { readSeries } from './read-headline';
import { reportIncidents } from './report-incidents';

const REPORT_CHART_POINTS = 1000;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const toMs = (t: string | number | undefined) => (t === undefined ? undefined : typeof t === 'number' ? t : Date.parse(t));

/** The report's window: given times, or the room's last 24 hours; 400 naming the field when it is backwards or too long. */
export function reportWindow(input: { from?: string | number; to?: string | number }, now: number): { from: number; to: number } {
  const to = toMs(input.to) ?? now;
  const from = toMs(input.from) ?? to - DEFAULT_WINDOW_MS;
  if (from >= to)
    throw new AppError('validation_failed', 'invalid query: from: must be before to', [{ field: 'from', message: 'must be before to' }]);
  if (to - from > MAX_REPORT_WINDOW_MS)
    throw new AppError('validation_failed', 'invalid query: from: the window is at most 31 days', [
      { field: 'from', message: 'the window is at most 31 days' },
    ]);
  return { from, to };
}

/**
 * The night report for a window, from stored samples, incidents, milestones,
 * annotations and handovers: every figure is computed from the rows, so it
 * can be checked against them.
 */
export async function buildReport(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug?: string;
  from?: string | number;
  to?: string | number;
  now?: number;
}): Promise<TReport> {
  const { ctx } = opts;
  const room = await roomFor({ ctx, actor: opts.actor, slug: opts.slug, permission: 'room:read' });
  const now = opts.now ?? Date.now();
  const { from, to } = reportWindow(opts, now);
  const window = { gte: new Date(from), lte: new Date(to) };
  const [users, online, milestones, annotations, handovers, plans, inc] = await Promise.all([
    readSeries({ ctx, roomId: room.id, name: HEADLINE_SERIES.users, from, to }),
    readSeries({ ctx, roomId: room.id, name: HEADLINE_SERIES.online, from, to }),
    ctx.prisma.milestone.findMany({ where: { roomId: room.id }, orderBy: [{ seriesName: 'asc' }, { threshold: 'asc' }] }),
    ctx.prisma.annotation.findMany({ where: { roomId: room.id, time: window }, orderBy: { time: 'asc' } }),
    ctx.prisma.handover.findMany({
      where: { roomId: room.id, OR: [{ createdAt: window }, { acceptedAt: window }] },
      orderBy: { createdAt: 'asc' },
    }),
    plansOfRoom(ctx, room.id),
    reportIncidents({ ctx, roomId: room.id, from, to }),
  ]);
  const u = seriesFigures(users);
  const o = seriesFigures(online);
  const perMin = fastestGrowth(users, MINUTE_MS);
  const perHour = fastestGrowth(users, HOUR_MS);
  const reached = milestones.filter((m) => m.reachedAt && m.reachedAt.getTime() >= from && m.reachedAt.getTime() <= to);
  const usersPlan = plans.find((p) => p.series === HEADLINE_SERIES.users);
  const lastUser = users.length ? { time: users[users.length - 1]![0], value: users[users.length - 1]![1] } : undefined;
  const delta = usersPlan ? planDelta(usersPlan.points, lastUser) : null;

  const moments: TMoment[] = [...inc.moments];
  const goLive = room.goLiveAt?.getTime();
  if (goLive !== undefined && goLive >= from && goLive <= to) moments.push({ at: iso(goLive)!, kind: 'go-live', text: 'Go-live' });
  for (const a of annotations) moments.push({ at: a.time.toISOString(), kind: 'annotation', text: a.label, title: a.label });
  for (const m of reached)
    moments.push({ at: m.reachedAt!.toISOString(), kind: 'milestone', text: `Milestone: ${m.label}`, title: m.label });
  for (const h of handovers) {
    if (h.createdAt.getTime() >= from && h.createdAt.getTime() <= to)
      moments.push({
        at: h.createdAt.toISOString(),
        kind: 'handover',
        text: `Handover from ${h.fromName}${h.toName ? ` to ${h.toName}` : ''}`,
        who: h.fromName,
        ...(h.toName ? { to: h.toName } : {}),
      });
    if (h.acceptedAt && h.acceptedAt.getTime() >= from && h.acceptedAt.getTime() <= to)
      moments.push({
        at: h.acceptedAt.toISOString(),
        kind: 'handover-accepted',
        text: `${h.acceptedByName ?? 'A lead'} on duty (accepted ${h.fromName}'s handover)`,
        ...(h.acceptedByName ? { who: h.acceptedByName } : {}),
        to: h.fromName,
      });
  }
  moments.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  const minuteTimes = replayTimes(from, to);
  const usersByMinute = lastValuesAt(users, minuteTimes);
  const onlineByMinute = lastValuesAt(online, minuteTimes);
  const dto = toRoomDto(room);
  return {
    room: { slug: dto.slug, name: dto.name, timeZone: dto.timeZone, locale: dto.locale },
    from: iso(from)!,
    to: iso(to)!,
    generatedAt: iso(now)!,
    figures: {
      users: { start: u.start, end: u.end, peak: u.peak, peakAt: iso(u.peakAt) },
      online: { peak: o.peak, peakAt: iso(o.peakAt) },
      fastestGrowth: {
        perMinute: perMin && { value: perMin.value, at: iso(perMin.at)! },
        perHour: perHour && { value: perHour.value, at: iso(perHour.at)! },
      },
      plan:
        delta && lastUser
          ? { series: HEADLINE_SERIES.users, ratio: delta.ratio, planned: delta.planned, actual: lastUser.value, at: iso(delta.at)! }
          : null,
    },
    milestones: reached.map((m) => ({
      id: m.id,
      seriesName: m.seriesName,
      threshold: m.threshold,
      label: m.label,
      reachedAt: iso(m.reachedAt!.getTime()),
    })),
    incidents: inc.incidents,
    timeToClaim: stat(inc.incidents.flatMap((i) => (i.claimedAfterSeconds === null ? [] : [i.claimedAfterSeconds]))),
    timeToResolve: stat(inc.incidents.flatMap((i) => (i.resolvedAfterSeconds === null ? [] : [i.resolvedAfterSeconds]))),
    people: inc.people,
    handovers: handovers.map((h) => {
      const { brief: _brief, ...rest } = toHandoverDto(h);
      return rest;
    }),
    timeline: moments,
    chart: {
      users: decimate(users, REPORT_CHART_POINTS),
      online: decimate(online, REPORT_CHART_POINTS),
      plans: plans.map((p) => ({ series: p.series, points: p.points })),
      minutes: minuteTimes.map(
        (t, i) => [t, usersByMinute[i] ?? null, onlineByMinute[i] ?? null] as [number, number | null, number | null],
      ),
    },
  };
}
