import { roleAtLeast } from '../../../lib/roles';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { assertRoomOpen, resolveRoom } from '../rooms/resolve-room';

export type TIncidentRow = Awaited<ReturnType<TServiceContext['prisma']['incident']['findUniqueOrThrow']>>;

/**
 * The incident a path names: digits are its number in the room (the
 * bookmarkable form, /incidents/12), anything else is its id. 404 otherwise.
 */
export async function findIncident(opts: {
  ctx: TServiceContext;
  ref: string;
  room?: string | null;
  /** a change is coming: an incident of an archived room answers 409 room_archived */
  write?: boolean;
}): Promise<TIncidentRow> {
  const { ctx, ref } = opts;
  let row: TIncidentRow | null;
  if (/^\d{1,9}$/.test(ref)) {
    const room = await resolveRoom({ ctx, slug: opts.room });
    row = await ctx.prisma.incident.findUnique({ where: { roomId_number: { roomId: room.id, number: Number(ref) } } });
  } else {
    row = await ctx.prisma.incident.findUnique({ where: { id: ref } });
  }
  if (!row) throw new AppError('not_found', `no incident ${ref}`);
  if (opts.write)
    assertRoomOpen(await ctx.prisma.room.findUniqueOrThrow({ where: { id: row.roomId }, select: { slug: true, archivedAt: true } }));
  return row;
}

/** A person named as owner, helper or lead: must exist and not be disabled. */
export async function findPerson(opts: { ctx: TServiceContext; id: string; field: string; minRole?: 'engineer' | 'lead' }) {
  const u = await opts.ctx.prisma.user.findUnique({ where: { id: opts.id }, select: { id: true, name: true, role: true, disabled: true } });
  if (!u || u.disabled)
    throw new AppError('validation_failed', `no active user ${opts.id}`, [{ field: opts.field, message: 'no such active user' }]);
  if (opts.minRole && !roleAtLeast(u.role, opts.minRole)) {
    throw new AppError('validation_failed', `${u.name} is not a ${opts.minRole}`, [
      { field: opts.field, message: `must be a ${opts.minRole} or above` },
    ]);
  }
  return { id: u.id, name: u.name };
}
