import type { TServiceContext } from '../../context';
import type { TIncidentDto } from '../../../lib/api/incidents';
import type { TListIncidentsQuery } from '../../../lib/api/incident-requests';
import { assertCan, type TActor } from '../access/actor';
import { resolveRoom } from '../rooms/resolve-room';
import { loadIncidentDtos } from './incident-dto';

const MAX_LISTED = 500;

/** A room's incidents, newest first: open (not resolved), resolved, or all. */
export async function listIncidents(opts: { ctx: TServiceContext; actor: TActor; input: TListIncidentsQuery }): Promise<TIncidentDto[]> {
  const { ctx, actor, input } = opts;
  const room = await resolveRoom({ ctx, slug: input.room });
  assertCan(actor, 'room:read', room.id);
  const status = input.status === 'open' ? { not: 'resolved' } : input.status === 'resolved' ? 'resolved' : undefined;
  // Open incidents are few and all matter; the resolved history is capped to the latest.
  return loadIncidentDtos(
    ctx.prisma,
    { roomId: room.id, ...(status ? { status } : {}) },
    Date.now(),
    input.status === 'open' ? undefined : MAX_LISTED,
  );
}
