import type { TServiceContext } from '../../context';
import type { TIncidentEntryDto } from '../../../lib/api/incident-timeline';
import type { TPostUpdate } from '../../../lib/api/incident-requests';
import { assertCan, type TActor } from '../access/actor';
import { findIncident } from './find-incident';
import { runIncidentChange } from './incident-tx';
import { applyStatus } from './change-status';

/**
 * Posts an update to the timeline, optionally moving the status in the same
 * transaction (with `version`, a stale one is refused and nothing is posted).
 * Answers the post entry.
 */
export async function postUpdate(opts: {
  ctx: TServiceContext;
  actor: TActor;
  ref: string;
  room?: string;
  input: TPostUpdate;
}): Promise<TIncidentEntryDto> {
  const { ctx, actor, input } = opts;
  const row = await findIncident({ ctx, ref: opts.ref, room: opts.room });
  assertCan(actor, 'incident:write', row.roomId);
  const { result: postId, entries } = await runIncidentChange({
    ctx,
    actor,
    incident: row,
    fn: async (tx, append) => {
      if (input.status) await applyStatus(tx, append, row, input.status, input.version);
      return append({ kind: 'post', body: input.body });
    },
  });
  return entries.find((e) => e.id === postId)!;
}
