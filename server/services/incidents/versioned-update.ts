import { AppError } from '../../errors';
import type { Prisma } from '../../../generated/prisma-sqlite/client.ts';
import { loadIncidentDto } from './incident-dto';
import type { TTx } from '../../db/client';

/**
 * Applies a change only if the incident is still at the version the caller
 * saw; otherwise 409 stale_version with the current incident, so the screen
 * can show what changed instead of overwriting it.
 */
export async function updateIfVersion(tx: TTx, id: string, version: number, data: Prisma.IncidentUpdateManyMutationInput): Promise<void> {
  const done = await tx.incident.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (done.count === 1) return;
  const current = await loadIncidentDto(tx, id);
  throw new AppError(
    'stale_version',
    `incident ${current.number} changed since version ${version}; it is at version ${current.version}`,
    [{ field: 'version', message: `stale: current is ${current.version}` }],
    {
      incident: current,
    },
  );
}
