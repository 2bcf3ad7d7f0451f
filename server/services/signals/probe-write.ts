import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TProbe } from '../../../lib/api/signals';
import { loadProbeDtos } from './probe-dto';

export const nameTaken = (name: string) =>
  new AppError('conflict', `a probe named "${name}" exists in this room`, [{ field: 'name', message: 'already used in this room' }]);

export async function probeInRoom(ctx: TServiceContext, roomId: string, id: string): Promise<TProbe> {
  const [p] = await loadProbeDtos(ctx, { roomId, id });
  if (!p) throw new AppError('not_found', `no probe ${id} in this room`);
  return p;
}
