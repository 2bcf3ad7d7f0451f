import type { TServiceContext } from '../../context';
import type { TIncidentEntryDto } from '../../../lib/api/incident-timeline';
import { assertCan, type TActor } from '../access/actor';
import { findIncident } from './find-incident';
import { runIncidentChange } from './incident-tx';
import { entryDto } from './timeline-entry-dto';

/** A viewer's comment: anyone who may read the room may comment (incident:comment). */
export async function commentIncident(opts: {
  ctx: TServiceContext;
  actor: TActor;
  ref: string;
  room?: string;
  input: { body: string };
}): Promise<TIncidentEntryDto> {
  const { ctx, actor } = opts;
  const row = await findIncident({ ctx, ref: opts.ref, room: opts.room, write: true });
  assertCan(actor, 'incident:comment', row.roomId);
  const { result, entries } = await runIncidentChange({
    ctx,
    actor,
    incident: row,
    fn: (_tx, append) => append({ kind: 'comment', body: opts.input.body }),
  });
  return entries.find((e) => e.id === result) ?? entryDto(ctx, result);
}
