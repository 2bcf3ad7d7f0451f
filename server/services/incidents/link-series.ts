import type { TServiceContext } from '../../context';
import { changeIncident } from './change-incident';
import type { TSeriesLink } from '../../../lib/api/incident-requests';
import type { TIncidentDto } from '../../../lib/api/incidents';
import { labelsKey } from '../../../lib/series';
import type { TActor } from '../access/actor';

/** Links (or with remove, unlinks) a metric series, so screens can chart it beside the incident. */
export async function linkSeries(opts: {
  ctx: TServiceContext;
  actor: TActor;
  ref: string;
  room?: string;
  input: TSeriesLink;
}): Promise<TIncidentDto> {
  const { input } = opts;
  return changeIncident({
    ...opts,
    fn: async (tx, append, row) => {
      const key = {
        incidentId_seriesName_labelsKey: { incidentId: row.id, seriesName: input.seriesName, labelsKey: labelsKey(input.labels) },
      };
      const exists = await tx.incidentSeriesLink.findUnique({ where: key });
      if (input.remove ? !exists : exists) return;
      if (input.remove) await tx.incidentSeriesLink.delete({ where: key });
      else await tx.incidentSeriesLink.create({ data: key.incidentId_seriesName_labelsKey });
      await tx.incident.update({ where: { id: row.id }, data: { version: { increment: 1 } } });
      await append({ kind: 'link', data: { seriesName: input.seriesName, labels: input.labels ?? {}, removed: !!input.remove } });
    },
  });
}
