import { roomChannel } from '../../lib/events';
import type { TServiceContext } from '../context';
import type { TIo } from './types';

/** Pushes handovers (created, accepted), plan changes, fresh capacity evaluations and the failing notification channels to the room's screens; the events carry what is sent. */
export function attachNightFanout(ctx: TServiceContext, io: TIo): () => void {
  const offHandover = ctx.bus.on('handover.changed', (e) =>
    io.to(roomChannel(e.roomId)).emit('handover:changed', { roomId: e.roomId, handover: e.handover }),
  );
  const offPlan = ctx.bus.on('plan.changed', (e) =>
    io.to(roomChannel(e.roomId)).emit('plan:changed', { roomId: e.roomId, series: e.series }),
  );
  const offCapacity = ctx.bus.on('capacity.evaluated', (e) => io.to(roomChannel(e.roomId)).emit('capacity:changed', { roomId: e.roomId }));
  const offHealth = ctx.bus.on('channels.health', (e) => io.to(roomChannel(e.roomId)).emit('channels:health', e));
  return () => {
    offHealth();
    offHandover();
    offPlan();
    offCapacity();
  };
}
