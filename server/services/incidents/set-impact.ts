import type { TServiceContext } from '../../context';
import { changeIncident } from './change-incident';
import type { TImpact } from '../../../lib/api/incident-requests';
import type { TIncidentDto } from '../../../lib/api/incidents';
import type { TActor } from '../access/actor';

/** Sets the impact figure: free text plus an optional number with a unit ("0.3 % of writes"). */
export async function setImpact(opts: {
  ctx: TServiceContext;
  actor: TActor;
  ref: string;
  room?: string;
  input: TImpact;
}): Promise<TIncidentDto> {
  const { input } = opts;
  return changeIncident({
    ...opts,
    fn: async (tx, append, row) => {
      const value = input.value ?? null;
      const unit = input.unit || null;
      await tx.incident.update({
        where: { id: row.id },
        data: { impactText: input.text, impactValue: value, impactUnit: unit, version: { increment: 1 } },
      });
      await append({
        kind: 'impact',
        body: input.text,
        data: {
          from: row.impactText ? { text: row.impactText, value: row.impactValue, unit: row.impactUnit } : null,
          to: { text: input.text, value, unit },
        },
      });
    },
  });
}
