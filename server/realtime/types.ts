import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../lib/events';
import type { TActor } from '../services/access/actor';

export type TIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type TSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Nothing travels between servers except socket.io's own broadcasts. */
interface InterServerEvents {
  /** another process pushed to a room ('push') or changed its settings ('changed'): caches of it are stale here too */
  'room:stale': (roomId: string, reason: 'push' | 'changed') => void;
  /** an alert rule changed on another process: evaluators here reload the room's rules */
  'rule:changed': (roomId: string, ruleId: string) => void;
  /** a status page changed on another process: drop what is held of it here */
  'status:stale': (roomId: string) => void;
}

interface SocketData {
  /** who the socket acts as, resolved by the handshake (server/realtime/io.ts) */
  actor: TActor;
}
