import { enqueueNotification } from '../notify/enqueue-notification';
import type { TServiceContext } from '../../context';
import { AppError, isAppError } from '../../errors';
import type { THandoverDto } from '../../../lib/api/night-report';
import type { TActor } from '../access/actor';
import { assertRoomOpen, resolveRoom } from '../rooms/resolve-room';
import { handoverIncident } from '../incidents/handover-incident';
import { leadOf } from './handover-lead';
import { toHandoverDto } from './handover-dto';

/**
 * The incoming lead accepts: only the lead named in `to` (any lead but the
 * outgoing one when none was named). Accepting is a conditional update, so
 * of two leads accepting at once exactly one wins; an accepted handover is
 * read-only. With takeOwnership, every incident of the brief still open and
 * not already theirs moves to them through the incident handover service, so
 * each timeline records it.
 */
export async function acceptHandover(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  id: string;
  takeOwnership?: boolean;
  now?: number;
}): Promise<THandoverDto> {
  const { ctx, actor } = opts;
  const room = await resolveRoom({ ctx, slug: opts.slug });
  const me = leadOf(actor, room.id);
  assertRoomOpen(room);
  const row = await ctx.prisma.handover.findFirst({ where: { id: opts.id, roomId: room.id } });
  if (!row) throw new AppError('not_found', `no handover ${opts.id} in room ${room.slug}`);
  if (row.acceptedAt) throw new AppError('conflict', `already accepted by ${row.acceptedByName ?? 'someone'}`);
  if (row.toId && row.toId !== me.userId) throw new AppError('forbidden', `this handover is for ${row.toName ?? 'another lead'}`);
  if (row.fromId === me.userId) throw new AppError('conflict', 'the outgoing lead cannot accept their own handover');
  const now = new Date(opts.now ?? Date.now());
  const done = await ctx.prisma.$transaction(async (tx) => {
    const won = await tx.handover.updateMany({
      where: { id: row.id, acceptedAt: null },
      data: { acceptedAt: now, acceptedById: me.userId, acceptedByName: me.name },
    });
    if (won.count === 1)
      await enqueueNotification(tx, {
        roomId: room.id,
        event: 'handover.accepted',
        dedupKey: `handover.accepted:${row.id}`,
        facts: { handover: { from: row.fromName, to: row.toName, acceptedBy: me.name }, lead: me.name },
      });
    return won;
  });
  if (done.count === 0) throw new AppError('conflict', 'already accepted');
  let tookOver = 0;
  if (opts.takeOwnership) {
    const ids = (JSON.parse(row.brief) as { openIncidents: { id: string }[] }).openIncidents.map((i) => i.id);
    const still = await ctx.prisma.incident.findMany({
      where: { id: { in: ids }, status: { not: 'resolved' } },
      orderBy: { number: 'asc' },
    });
    for (const i of still.filter((x) => x.ownerId !== me.userId)) {
      try {
        await handoverIncident({
          ctx,
          actor,
          ref: i.id,
          room: room.slug,
          input: { toUserId: me.userId, note: `shift handover from ${row.fromName}` },
        });
        tookOver++;
      } catch (err) {
        // Changed meanwhile (resolved, or taken by someone): leave it where it is.
        if (!isAppError(err) || (err.code !== 'conflict' && err.code !== 'stale_version')) throw err;
      }
    }
    if (tookOver > 0) await ctx.prisma.handover.update({ where: { id: row.id }, data: { tookOver } });
  }
  const dto = toHandoverDto(await ctx.prisma.handover.findUniqueOrThrow({ where: { id: row.id } }));
  ctx.bus.emit('handover.changed', { roomId: room.id, handover: dto });
  return dto;
}
