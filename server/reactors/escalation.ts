import { noticesDue, parseEscalation } from '../../lib/escalation';
import type { TSeverity } from '../../lib/incidents';
import type { TServiceContext } from '../context';
import { enqueueNotification } from '../services/notify/enqueue-notification';
import { incidentFacts } from '../services/notify/notify-incident';
import { runLeased } from './worker-lease';

/** The lead on duty: whoever accepted the room's latest handover. */
async function onDutyLead(ctx: TServiceContext, roomId: string): Promise<string | null> {
  const h = await ctx.prisma.handover.findFirst({
    where: { roomId, acceptedAt: { not: null } },
    orderBy: { acceptedAt: 'desc' },
    select: { acceptedByName: true },
  });
  return h?.acceptedByName ?? null;
}

/**
 * Escalates unclaimed incidents: an open incident nobody has claimed (since it
 * opened, or since its owner released it) for its severity's interval (room settings `escalation`) emits incident.unclaimed,
 * and again at each further interval until claimed, naming the on-duty lead.
 * Each notice is keyed by its interval number, so two processes (or a
 * restart) never send the same one twice; one process holds the lease.
 */
export function startEscalation(ctx: TServiceContext): () => Promise<void> {
  const tickMs = ctx.config.WARROOM_ESCALATION_TICK_MS;

  async function tick() {
    const now = Date.now();
    const open = await ctx.prisma.incident.findMany({
      where: { ownerId: null, status: { not: 'resolved' } },
      select: {
        id: true,
        roomId: true,
        severity: true,
        createdAt: true,
        releasedAt: true,
        unclaimedNoticeAt: true,
        room: { select: { escalation: true } },
      },
    });
    const leads = new Map<string, string | null>();
    for (const i of open) {
      const minutes = parseEscalation(i.room.escalation)[i.severity as TSeverity] ?? null;
      // Unowned since its last release, else since it opened: a released incident waits anew.
      const since = (i.releasedAt ?? i.createdAt).getTime();
      const due = noticesDue(since, now, minutes);
      if (due === 0 || !minutes) continue;
      // This interval's notice is already written (a notice from before the release counts for nothing).
      if (i.unclaimedNoticeAt && noticesDue(since, i.unclaimedNoticeAt.getTime(), minutes) >= due) continue;
      if (!leads.has(i.roomId)) leads.set(i.roomId, await onDutyLead(ctx, i.roomId));
      await ctx.prisma.$transaction(async (tx) => {
        // Claimed meanwhile: nothing to say.
        const still = await tx.incident.updateMany({ where: { id: i.id, ownerId: null }, data: { unclaimedNoticeAt: new Date(now) } });
        if (still.count === 0) return;
        await enqueueNotification(tx, {
          roomId: i.roomId,
          event: 'incident.unclaimed',
          // Each unowned stretch has its own notices: after a release they are keyed by when it began.
          dedupKey: i.releasedAt ? `incident.unclaimed:${i.id}@${since}:${due}` : `incident.unclaimed:${i.id}:${due}`,
          severity: i.severity,
          facts: {
            incident: await incidentFacts(tx, i.id),
            lead: leads.get(i.roomId) ?? null,
            unclaimedMinutes: Math.floor((now - since) / 60_000),
          },
        });
      });
    }
  }

  return runLeased(ctx, { name: 'escalation', label: 'escalation', tickMs, leaseMs: Math.max(tickMs * 3, 5000), tick });
}
