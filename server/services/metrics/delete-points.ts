import type { TDeletePointsQuery } from '../../../lib/api/series';
import { labelsKey } from '../../../lib/series';
import type { TServiceContext } from '../../context';
import { roomFor } from '../rooms/room-for';
import type { TActor } from '../access/actor';

const hhmm = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);

/**
 * Removes a range of a series' points (lead+): every label set, or the one
 * given. The removal is noted as an annotation at the range's start naming
 * who did it, and the room's screens are told to read it again, so every
 * chart redraws without the points at once.
 */
export async function deletePoints(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  name: string;
  query: TDeletePointsQuery;
}): Promise<{ deleted: number }> {
  const { ctx, actor, name, query } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const series = await ctx.prisma.metricSeries.findMany({
    where: { roomId: room.id, name, ...(query.labels ? { labelsKey: labelsKey(query.labels) } : {}) },
    select: { id: true },
  });
  const deleted = series.length
    ? await ctx.samples.deleteRange(
        series.map((s) => s.id),
        query.from,
        query.to,
      )
    : 0;
  if (deleted > 0) {
    const who = actor.kind === 'user' ? actor.name : 'an API key';
    const labels =
      query.labels && Object.keys(query.labels).length
        ? ` {${Object.entries(query.labels)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')}}`
        : '';
    const span = `${hhmm(query.from, room.timeZone)}–${hhmm(query.to, room.timeZone)}`;
    const label = `${who} deleted ${deleted} point${deleted === 1 ? '' : 's'} of ${name}${labels} ${span}`.slice(0, 120);
    await ctx.prisma.annotation.create({
      data: { roomId: room.id, label, time: new Date(query.from), createdById: actor.kind === 'user' ? actor.userId : null },
    });
    ctx.bus.emit('room.changed', { roomId: room.id });
  }
  return { deleted };
}
