import { CAPACITY_SOCKET } from './capacity';
import { INCIDENTS_SOCKET } from './incidents-socket';
import { METRICS_SOCKET } from './metrics';
import { NIGHT_SOCKET } from './night';
import { NOTIFICATIONS_SOCKET } from './notifications';
import { PROBES_SOCKET } from './probes';
import { ROOMS_SOCKET } from './rooms';
import { SERVERS_SOCKET } from './servers';
import { STATUS_SOCKET } from './status';
import { SYSTEM_SOCKET } from './system';

/**
 * Every socket command and push of the main namespace, gathered from the
 * resource modules that declare them (`<RESOURCE>_SOCKET` in
 * lib/api/<resource>.ts). The event map of both ends (lib/events.ts) is
 * inferred from these tables, the server validates each command's payload
 * with its schema (server/realtime/with-schema.ts), and the socket fuzz suite
 * sends every command listed here. A resource with socket traffic adds its
 * object to SOCKET_RESOURCES.
 */
const SOCKET_RESOURCES = [
  SYSTEM_SOCKET,
  METRICS_SOCKET,
  ROOMS_SOCKET,
  INCIDENTS_SOCKET,
  SERVERS_SOCKET,
  PROBES_SOCKET,
  NIGHT_SOCKET,
  CAPACITY_SOCKET,
  NOTIFICATIONS_SOCKET,
] as const;

type TUnion = (typeof SOCKET_RESOURCES)[number];
type TMerge<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? { [K in keyof I]: I[K] } : never;

/** Client → server commands by name: `SOCKET_COMMANDS['incident:claim'].payload`. */
export const SOCKET_COMMANDS = Object.assign({}, ...SOCKET_RESOURCES.map((r) => r.commands)) as TMerge<TUnion['commands']>;
/** Server → client pushes by name. */
export const SOCKET_PUSHES = Object.assign({}, ...SOCKET_RESOURCES.map((r) => r.pushes)) as TMerge<TUnion['pushes']>;
/** Pushes of the public `/status` namespace. */
export const STATUS_PUSHES = STATUS_SOCKET.pushes;

/** A name declared by two resources would silently shadow one of them: lib/api/socket.test.ts checks there is none. */
export const SOCKET_NAMES = SOCKET_RESOURCES.flatMap((r) => [...Object.keys(r.commands), ...Object.keys(r.pushes)]);
