import type { TRoomSettings } from '../../../lib/api/rooms';
import type { TServiceContext } from '../../context';
import type { TActor } from '../access/actor';
import { parseSeriesBounds } from '../../../lib/series-bounds';
import { annotationDto, milestoneDto, roomSettingsRoomDto, safetyLineDto } from './room-settings-dto';
import { roomFor } from './room-for';

/** A room's settings: anyone who may read the room (a wall's display link too) may read them. */
export async function getRoomSettings(opts: { ctx: TServiceContext; actor: TActor; slug: string }): Promise<TRoomSettings> {
  const { ctx } = opts;
  const room = await roomFor({ ...opts, permission: 'room:read' });
  const [milestones, annotations, safetyLines] = await Promise.all([
    ctx.prisma.milestone.findMany({ where: { roomId: room.id }, orderBy: [{ seriesName: 'asc' }, { threshold: 'asc' }] }),
    ctx.prisma.annotation.findMany({ where: { roomId: room.id }, orderBy: { time: 'desc' }, take: 200 }),
    ctx.prisma.safetyLine.findMany({ where: { roomId: room.id }, orderBy: { metricName: 'asc' } }),
  ]);
  return {
    room: roomSettingsRoomDto(room),
    milestones: milestones.map(milestoneDto),
    annotations: annotations.map(annotationDto),
    safetyLines: safetyLines.map(safetyLineDto),
    seriesBounds: parseSeriesBounds(room.seriesBounds),
  };
}
