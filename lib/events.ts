// The socket's event maps, inferred from the command and push schemas in lib/api/<resource>.ts
// (gathered in lib/api/socket.ts). Type-only: no zod reaches a screen through this file.
import type { z } from 'zod';
import type { TAck } from './errors';
import type { TSocketCommand, TSocketPush } from './api/contract';
import type { SOCKET_COMMANDS, SOCKET_PUSHES, STATUS_PUSHES } from './api/socket';

type TCommandEvents<T extends Record<string, TSocketCommand>> = {
  [K in keyof T]: (payload: z.input<T[K]['payload']>, ack: (r: TAck<z.output<T[K]['answer']>>) => void) => void;
};
type TPushEvents<T extends Record<string, TSocketPush>> = { [K in keyof T]: (payload: z.output<T[K]['payload']>) => void };

/** Commands: client → server. Verbs, `domain:action`, each with an ack `{ ok, data } | { ok: false, error }`. */
export type ClientToServerEvents = TCommandEvents<typeof SOCKET_COMMANDS>;
/** Pushes: server → client. Nouns, `domain:action`. */
export type ServerToClientEvents = TPushEvents<typeof SOCKET_PUSHES>;
/** Pushes of the public status namespace (`/status`): no credential, nothing to send. */
export type StatusServerToClientEvents = TPushEvents<typeof STATUS_PUSHES>;

/** A command's name. */
export type TCommandName = keyof typeof SOCKET_COMMANDS;
/** What a command's ack carries on success. */
export type TCommandAnswer<K extends TCommandName> = z.output<(typeof SOCKET_COMMANDS)[K]['answer']>;
/** A push's payload. */
export type TPushPayload<K extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[K]>[0];

/** Everything a screen needs on (re)connect: room:join's answer. */
export type TRoomSnapshot = TCommandAnswer<'room:join'>;
/** One coalesced metrics push. */
export type TMetricsUpdate = TPushPayload<'metrics:update'>;
/** incidents:subscribe's answer. */
export type TIncidentsSubscribed = TCommandAnswer<'incidents:subscribe'>;

export const STATUS_NAMESPACE = '/status';
/** socket.io room of a status page's watchers (in the /status namespace only). */
export const statusChannel = (roomId: string) => `status:${roomId}`;

/** socket.io room name of a Warroom room. */
export const roomChannel = (roomId: string) => `room:${roomId}`;
export const userChannel = (userId: string) => `user:${userId}`;
export const credentialChannel = (credentialId: string) => `cred:${credentialId}`;
