import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TIncidentEntryDto } from '../../../lib/api/incident-timeline';
import { assertCan, authorOf, can, type TActor } from '../access/actor';
import { findIncident } from './find-incident';
import { runIncidentChange } from './incident-tx';
import { EDITABLE, entryDto } from './timeline-entry-dto';

/**
 * Edits a post or comment without rewriting history: an "edit" entry carries
 * the new text and the text it replaced; the original stays as it was.
 * Only its author (or a lead) may edit.
 */
export async function editEntry(opts: {
  ctx: TServiceContext;
  actor: TActor;
  ref: string;
  room?: string;
  entryId: string;
  input: { body: string };
}): Promise<TIncidentEntryDto> {
  const { ctx, actor } = opts;
  const row = await findIncident({ ctx, ref: opts.ref, room: opts.room, write: true });
  assertCan(actor, 'incident:comment', row.roomId);
  const target = await ctx.prisma.incidentEntry.findFirst({ where: { id: opts.entryId, incidentId: row.id } });
  if (!target) throw new AppError('not_found', `no entry ${opts.entryId} on incident ${row.number}`);
  if (!EDITABLE.has(target.kind)) throw new AppError('conflict', `a ${target.kind} entry cannot be edited`);
  if (target.authorId !== authorOf(actor).id && !can(actor, 'incident:lead', row.roomId))
    throw new AppError('forbidden', 'only the author or a lead may edit a post');
  const { result, entries } = await runIncidentChange({
    ctx,
    actor,
    incident: row,
    fn: async (tx, append) => {
      const last = await tx.incidentEntry.findFirst({
        where: { editsId: target.id, kind: 'edit' },
        orderBy: { seq: 'desc' },
        select: { body: true },
      });
      return append({ kind: 'edit', body: opts.input.body, editsId: target.id, data: { previous: last?.body ?? target.body } });
    },
  });
  return entries.find((e) => e.id === result) ?? entryDto(ctx, result);
}
