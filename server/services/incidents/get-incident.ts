import type { TServiceContext } from '../../context';
import type { TIncidentDetail } from '../../../lib/api/incidents';
import { assertCan, type TActor } from '../access/actor';
import { loadIncidentDto, toEntryDtos } from './incident-dto';
import { findIncident } from './find-incident';

/**
 * One incident with its whole timeline, oldest entry first. A display link
 * (a key sitting in a URL on a TV) reads what the wall shows — the incident
 * itself — and an empty timeline: posts and comments are for people.
 */
export async function getIncident(opts: { ctx: TServiceContext; actor: TActor; ref: string; room?: string }): Promise<TIncidentDetail> {
  const { ctx, actor } = opts;
  const row = await findIncident({ ctx, ref: opts.ref, room: opts.room });
  assertCan(actor, 'room:read', row.roomId);
  const [dto, entries] = await Promise.all([
    loadIncidentDto(ctx.prisma, row.id),
    actor.kind === 'display' ? [] : ctx.prisma.incidentEntry.findMany({ where: { incidentId: row.id }, orderBy: { seq: 'asc' } }),
  ]);
  return { ...dto, timeline: toEntryDtos(entries) };
}
