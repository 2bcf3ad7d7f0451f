import type { TRoomSettings, TSafetyLineDto } from '../../../lib/api/rooms';
import { AppError } from '../../errors';
import { toRoomDto, type TRoomRow } from './resolve-room';

type TMilestoneRow = { id: string; seriesName: string; threshold: number; label: string; reachedAt: Date | null };
type TAnnotationRow = { id: string; time: Date; label: string };
type TSafetyLineRow = { id: string; metricName: string; warning: number; critical: number; direction: string };

export const milestoneDto = (m: TMilestoneRow) => ({
  id: m.id,
  seriesName: m.seriesName,
  threshold: m.threshold,
  label: m.label,
  reachedAt: m.reachedAt?.toISOString() ?? null,
});
export const annotationDto = (a: TAnnotationRow) => ({ id: a.id, time: a.time.toISOString(), label: a.label });
export const safetyLineDto = (l: TSafetyLineRow): TSafetyLineDto => ({
  id: l.id,
  metricName: l.metricName,
  warning: l.warning,
  critical: l.critical,
  direction: l.direction === 'below' ? 'below' : 'above',
});

/** The settings page's room: the one public room shape. */
export const roomSettingsRoomDto = (room: TRoomRow): TRoomSettings['room'] => toRoomDto(room);

export function notFound(what: string, id: string): AppError {
  return new AppError('not_found', `no ${what} "${id}" in this room`, [{ field: 'id', message: `no ${what} with this id` }]);
}
