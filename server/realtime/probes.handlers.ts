import { roomChannel } from '../../lib/events';
import type { TServiceContext } from '../context';
import { loadProbeDtos } from '../services/signals/probe-dto';
import type { TIo } from './types';

/**
 * Fans 'probe.changed' out to the room's channel with the probe as read now
 * (null once deleted). A probe changes at most once per check, every few
 * seconds, so no coalescing is needed; one chain per room keeps the order.
 */
export function attachProbeFanout(ctx: TServiceContext, io: TIo): () => void {
  const chains = new Map<string, Promise<void>>();
  return ctx.bus.on('probe.changed', (e) => {
    const next = (chains.get(e.roomId) ?? Promise.resolve())
      .then(async () => {
        const [probe] = await loadProbeDtos(ctx, { roomId: e.roomId, id: e.probeId });
        io.to(roomChannel(e.roomId)).emit('probe:changed', {
          roomId: e.roomId,
          probeId: e.probeId,
          probe: probe ?? null,
          serverTime: Date.now(),
        });
      })
      .catch((err) => console.error('probe fan-out failed:', err));
    chains.set(e.roomId, next);
    void next.then(() => {
      if (chains.get(e.roomId) === next) chains.delete(e.roomId);
    });
  });
}
