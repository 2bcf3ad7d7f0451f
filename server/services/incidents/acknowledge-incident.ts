import type { TServiceContext } from '../../context';
import type { TIncidentEntryDto } from '../../../lib/api/incident-timeline';
import { assertCan, authorOf, type TActor } from '../access/actor';
import { findIncident } from './find-incident';
import { runIncidentChange } from './incident-tx';
import { entryDto } from './timeline-entry-dto';

/** "Seen": one acknowledgement per person; a repeat answers the first. */
export async function acknowledgeIncident(opts: {
  ctx: TServiceContext;
  actor: TActor;
  ref: string;
  room?: string;
}): Promise<TIncidentEntryDto> {
  const { ctx, actor } = opts;
  const row = await findIncident({ ctx, ref: opts.ref, room: opts.room, write: true });
  assertCan(actor, 'incident:comment', row.roomId);
  const me = authorOf(actor);
  const { result, entries } = await runIncidentChange({
    ctx,
    actor,
    incident: row,
    fn: async (tx, append) => {
      const first = me.id
        ? await tx.incidentEntry.findFirst({ where: { incidentId: row.id, kind: 'ack', authorId: me.id }, select: { id: true } })
        : null;
      return first ? first.id : append({ kind: 'ack' });
    },
  });
  return entries.find((e) => e.id === result) ?? entryDto(ctx, result);
}
