import { roomChannel } from '../../lib/events';
import type { TServiceContext } from '../context';
import { toHandoverDto } from '../services/handovers/handover-dto';
import type { TIo } from './types';

/** Pushes handovers (created, accepted) and plan changes to the room's screens. */
export function attachNightFanout(ctx: TServiceContext, io: TIo): () => void {
  const offHandover = ctx.bus.on('handover.changed', (e) => {
    void ctx.prisma.handover
      .findUnique({ where: { id: e.handoverId } })
      .then((row) => {
        if (row) io.to(roomChannel(e.roomId)).emit('handover:changed', { roomId: e.roomId, handover: toHandoverDto(row) });
      })
      .catch((err: unknown) => console.error('handover push failed:', err));
  });
  const offPlan = ctx.bus.on('plan.changed', (e) => io.to(roomChannel(e.roomId)).emit('plan:changed', { roomId: e.roomId, series: e.series }));
  return () => {
    offHandover();
    offPlan();
  };
}
