import { roomChannel, userChannel } from '../../lib/events';
import type { TServiceContext } from '../context';
import { roomFor } from '../services/rooms/room-for';
import { listEntriesAfter } from '../services/incidents/list-entries-after';
import type { TIo, TSocket } from './types';
import { onCommand } from './with-schema';
import { resyncLocalSockets } from './resync';

/**
 * incidents:subscribe joins the room's channel, then answers every timeline
 * entry after the client's cursor: joining first means nothing committed in
 * between is missed, and the client drops what it already has by entry id.
 */
export function registerIncidentHandlers(ctx: TServiceContext, socket: TSocket): void {
  const actor = socket.data.actor;
  onCommand(socket, 'incidents:subscribe', async ({ room: slug, afterSeq }) => {
    const room = await roomFor({ ctx, actor, slug, permission: 'room:read' });
    await socket.join(roomChannel(room.id));
    const me = actor.kind === 'user' ? { id: actor.userId, name: actor.name, role: actor.role } : null;
    const serverTime = Date.now();
    const missed = await listEntriesAfter({ ctx, roomId: room.id, afterSeq });
    return { roomId: room.id, roomSlug: room.slug, serverTime, me, ...missed };
  });
}

/**
 * Fans 'incident.changed' out to the room's channel with the incident's
 * current state and the new entries, and an escalation to the named lead's
 * own channel. Pushes of one room go out in commit order (one chain per room).
 */
export function attachIncidentFanout(ctx: TServiceContext, io: TIo): () => void {
  const chains = new Map<string, Promise<void>>();
  return ctx.bus.on('incident.changed', (e) => {
    const next = (chains.get(e.roomId) ?? Promise.resolve())
      .then(async () => {
        const { incident, entries } = e;
        const seq = entries.reduce((m, x) => Math.max(m, x.seq), 0);
        io.to(roomChannel(e.roomId)).emit('incident:changed', { roomId: e.roomId, incidentId: incident.id, seq, incident, entries });
        for (const entry of entries) {
          const to = entry.kind === 'escalation' ? entry.data.to.id : undefined;
          if (to) io.to(userChannel(to)).emit('incident:escalated', { incident, entry });
        }
      })
      .catch((err) => {
        console.error('incident fan-out failed:', err instanceof Error ? err.message : err);
        // The push is lost: this process's screens of the room reconnect and catch up by seq.
        resyncLocalSockets(io, 'incident fan-out failed', roomChannel(e.roomId));
      });
    chains.set(e.roomId, next);
    void next.then(() => {
      if (chains.get(e.roomId) === next) chains.delete(e.roomId);
    });
  });
}
