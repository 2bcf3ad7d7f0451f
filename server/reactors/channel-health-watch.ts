import type { TChannelProblem } from '../../lib/api/notifications';
import type { TServiceContext } from '../context';
import { failingChannelsByRoom } from '../services/notify/channel-health';
import { runLeased } from './worker-lease';

/**
 * Tells the room's screens when it stops (or starts again) reaching people.
 * A channel fails by a delivery dying — or by time passing, once a retrying
 * delivery is 5 minutes old — so one process of the install (leased) reads
 * the failing channels every tick and emits `channels.health` for each room
 * whose list changed, recovery included. Screens also read it over HTTP and
 * after every reconnect, so a push lost meanwhile costs nothing.
 */
export function startChannelHealthWatch(ctx: TServiceContext, opts: { tickMs?: number } = {}): () => Promise<void> {
  const tickMs = opts.tickMs ?? 1000;
  /** what the screens were last told, per room id */
  let told = new Map<string, string>();

  async function tick() {
    const now = await failingChannelsByRoom(ctx);
    const rooms = new Set([...told.keys(), ...now.keys()]);
    for (const roomId of rooms) {
      const failing: TChannelProblem[] = now.get(roomId) ?? [];
      const text = JSON.stringify(failing);
      if (told.get(roomId) === text) continue;
      const room = await ctx.prisma.room.findUnique({ where: { id: roomId }, select: { slug: true } });
      if (failing.length === 0) told.delete(roomId);
      else told.set(roomId, text);
      if (room) ctx.bus.emit('channels.health', { roomId, room: room.slug, failing, serverTime: Date.now() });
    }
  }

  return runLeased(ctx, {
    name: 'channel-health',
    label: 'channel health',
    tickMs,
    leaseMs: Math.max(tickMs * 5, 5000),
    tick,
    // Another process tells the screens; start afresh if this one takes over later.
    away: () => {
      told = new Map();
    },
  });
}
