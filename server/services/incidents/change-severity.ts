import type { TServiceContext } from '../../context';
import { changeIncident } from './change-incident';
import type { TChangeSeverity } from '../../../lib/api/incident-requests';
import type { TIncidentDto } from '../../../lib/api/incidents';
import type { TSeverity } from '../../../lib/incidents';
import type { TActor } from '../access/actor';
import { updateIfVersion } from './versioned-update';

/** Sets severity at the version the caller saw; the timeline records from → to. */
export async function changeSeverity(opts: {
  ctx: TServiceContext;
  actor: TActor;
  ref: string;
  room?: string;
  input: TChangeSeverity;
}): Promise<TIncidentDto> {
  const { input } = opts;
  return changeIncident({
    ...opts,
    fn: async (tx, append, row) => {
      const before = await tx.incident.findUniqueOrThrow({ where: { id: row.id }, select: { severity: true } });
      await updateIfVersion(tx, row.id, input.version, { severity: input.severity });
      await append({ kind: 'severity', data: { from: before.severity as TSeverity, to: input.severity } });
    },
  });
}
