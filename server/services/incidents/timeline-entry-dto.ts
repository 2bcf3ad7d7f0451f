import type { TServiceContext } from '../../context';
import type { TIncidentEntryDto } from '../../../lib/api/incident-timeline';
import { toEntryDtos } from './incident-dto';

export const EDITABLE = new Set(['post', 'comment']);

/** An entry this change did not append (a repeated ack answers the first). */
export async function entryDto(ctx: TServiceContext, id: string): Promise<TIncidentEntryDto> {
  return toEntryDtos([await ctx.prisma.incidentEntry.findUniqueOrThrow({ where: { id } })])[0]!;
}
