import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from '../../lib/events';

export type TIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type TSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
