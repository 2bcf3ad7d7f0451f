import type { TServiceContext } from '../../context';
import type { TIncidentDto } from '../../../lib/api/incidents';
import { assertCan, type TActor } from '../access/actor';
import { findIncident, type TIncidentRow } from './find-incident';
import { runIncidentChange, type TAppend } from './incident-tx';
import type { TTx } from '../../db/client';

/**
 * The shape most triage actions share: find the incident, check the caller
 * may write to it, make the change and its timeline entries in one
 * transaction, and answer with the incident as it now is.
 */
export async function changeIncident(opts: {
  ctx: TServiceContext;
  actor: TActor;
  ref: string;
  room?: string;
  fn: (tx: TTx, append: (e: TAppend) => Promise<string>, row: TIncidentRow) => Promise<void>;
}): Promise<TIncidentDto> {
  const { ctx, actor } = opts;
  const row = await findIncident({ ctx, ref: opts.ref, room: opts.room });
  assertCan(actor, 'incident:write', row.roomId);
  const { incident } = await runIncidentChange({ ctx, actor, incident: row, fn: (tx, append) => opts.fn(tx, append, row) });
  return incident;
}
