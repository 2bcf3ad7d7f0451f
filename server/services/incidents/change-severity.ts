import type { TServiceContext } from '../../context';
import type { TChangeSeverity, TIncidentDto } from '../../../lib/schemas/incidents';
import { assertCan, type TActor } from '../access/actor';
import { loadIncidentDto } from './incident-dto';
import { findIncident } from './find-incident';
import { runIncidentChange } from './incident-tx';
import { updateIfVersion } from './versioned-update';

/** Sets severity at the version the caller saw; the timeline records from → to. */
export async function changeSeverity(opts: { ctx: TServiceContext; actor: TActor; ref: string; room?: string; input: TChangeSeverity }): Promise<TIncidentDto> {
  const { ctx, actor, input } = opts;
  const row = await findIncident({ ctx, ref: opts.ref, room: opts.room });
  assertCan(actor, 'incident:write', row.roomId);
  await runIncidentChange({
    ctx,
    actor,
    incident: row,
    fn: async (tx, append) => {
      const before = await tx.incident.findUniqueOrThrow({ where: { id: row.id }, select: { severity: true } });
      await updateIfVersion(tx, row.id, input.version, { severity: input.severity });
      await append({ kind: 'severity', data: { from: before.severity, to: input.severity } });
    },
  });
  return loadIncidentDto(ctx.prisma, row.id);
}
