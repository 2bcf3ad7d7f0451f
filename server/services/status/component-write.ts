import type { TComponent } from '../../../lib/api/status';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { loadComponents } from './status-rows';

export const nameTaken = (name: string) =>
  new AppError('conflict', `a component named "${name}" exists in this room`, [{ field: 'name', message: 'already used in this room' }]);

export async function assertProbe(ctx: TServiceContext, roomId: string, probe: string | null | undefined): Promise<void> {
  if (!probe) return;
  const found = await ctx.prisma.probe.findFirst({ where: { roomId, name: probe }, select: { id: true } });
  if (!found)
    throw new AppError('validation_failed', `no probe "${probe}" in this room`, [
      { field: 'probe', message: 'no such probe in this room' },
    ]);
}

export async function componentInRoom(ctx: TServiceContext, roomId: string, id: string): Promise<TComponent> {
  const c = (await loadComponents(ctx, roomId)).find((x) => x.id === id);
  if (!c) throw new AppError('not_found', `no component ${id} in this room`);
  const { createdAt: _created, ...dto } = c;
  return dto;
}
