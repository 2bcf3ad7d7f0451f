import type { TServiceContext } from '../../context';
import { changeIncident } from './change-incident';
import { AppError } from '../../errors';
import type { TDecideFinding } from '../../../lib/api/incident-requests';
import type { TFindingDto, TIncidentDto } from '../../../lib/api/incidents';
import { authorOf, type TActor } from '../access/actor';

/** Marks a hypothesis ruled out or confirmed (or open again), with who and when. */
export async function decideFinding(opts: {
  ctx: TServiceContext;
  actor: TActor;
  ref: string;
  room?: string;
  findingId: string;
  input: TDecideFinding;
}): Promise<TIncidentDto> {
  const { input, actor } = opts;
  return changeIncident({
    ...opts,
    fn: async (tx, append, row) => {
      const f = await tx.finding.findFirst({ where: { id: opts.findingId, incidentId: row.id } });
      if (!f) throw new AppError('not_found', `no finding ${opts.findingId} on incident ${row.number}`);
      if (f.state === input.state) return;
      const open = input.state === 'open';
      // Conditional on the state we read: two people deciding at once record one decision each, in order.
      const done = await tx.finding.updateMany({
        where: { id: f.id, state: f.state },
        data: { state: input.state, decidedById: open ? null : authorOf(actor).id, decidedAt: open ? null : new Date() },
      });
      if (done.count === 0) throw new AppError('conflict', 'the finding changed meanwhile; reload and try again');
      await tx.incident.update({ where: { id: row.id }, data: { version: { increment: 1 } } });
      await append({
        kind: 'finding',
        body: f.text,
        data: { findingId: f.id, text: f.text, from: f.state as TFindingDto['state'], to: input.state },
      });
    },
  });
}
