import type { TIo } from './types';

/**
 * Closes the transport (not the socket.io session) of this process's
 * sockets, or those in one channel: the clients see "transport close",
 * reconnect by themselves and catch up (room:join snapshot, incidents after
 * their last seq). Used when a push may have been lost.
 */
export function resyncLocalSockets(io: TIo, why: string, channel?: string): void {
  const ids = channel ? [...(io.of('/').adapter.rooms.get(channel) ?? [])] : [...io.of('/').sockets.keys()];
  if (ids.length === 0) return;
  console.warn(`realtime: ${ids.length} screen(s) asked to reconnect and catch up (${why})`);
  for (const id of ids) io.of('/').sockets.get(id)?.conn.close();
}
