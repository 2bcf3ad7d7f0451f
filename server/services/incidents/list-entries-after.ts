import type { TServiceContext } from '../../context';
import type { TIncidentDto } from '../../../lib/api/incidents';
import type { TIncidentEntryDto } from '../../../lib/api/incident-timeline';
import { loadIncidentDtos, toEntryDtos } from './incident-dto';

/** At most this many entries per catch-up; a screen further behind refetches whole. */
const CATCH_UP_LIMIT = 500;

/**
 * What a screen that was offline missed: every timeline entry of the room
 * after `afterSeq`, and the current state of each incident they touched.
 * `complete: false` means more than the limit was missed. Without a cursor,
 * nothing was missed: only the cursor to come back with.
 */
export async function listEntriesAfter(opts: { ctx: TServiceContext; roomId: string; afterSeq?: number }): Promise<{
  entries: TIncidentEntryDto[];
  incidents: TIncidentDto[];
  lastSeq: number;
  complete: boolean;
}> {
  const { ctx, roomId, afterSeq } = opts;
  if (afterSeq === undefined) {
    // A first subscription: nothing was missed; the room's latest seq is the cursor to come back with.
    const room = await ctx.prisma.room.findUniqueOrThrow({ where: { id: roomId }, select: { eventSeq: true } });
    return { entries: [], incidents: [], lastSeq: room.eventSeq, complete: true };
  }
  const rows = await ctx.prisma.incidentEntry.findMany({
    where: { roomId, seq: { gt: afterSeq } },
    orderBy: { seq: 'asc' },
    take: CATCH_UP_LIMIT + 1,
  });
  const complete = rows.length <= CATCH_UP_LIMIT;
  const page = rows.slice(0, CATCH_UP_LIMIT);
  const ids = [...new Set(page.map((r) => r.incidentId))];
  const incidents = ids.length ? await loadIncidentDtos(ctx.prisma, { id: { in: ids } }) : [];
  const room = await ctx.prisma.room.findUniqueOrThrow({ where: { id: roomId }, select: { eventSeq: true } });
  return { entries: toEntryDtos(page), incidents, lastSeq: complete ? room.eventSeq : page[page.length - 1]!.seq, complete };
}
