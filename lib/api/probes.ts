import { z } from 'zod';
import { endpoint, socketPush } from './contract';
import { ZProbe, ZProbeAnswer, ZProbeInput, ZProbeList, ZProbeParams, ZProbePatch, ZRoomOnlyParams } from './signals';

/** HTTP probes of a room, run by the server itself. */
export const probesApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/rooms/{room}/probes',
    summary: "The room's probes with state and recent results",
    access: 'viewer+',
    tag: 'probes',
    params: ZRoomOnlyParams,
    response: ZProbeList,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/v1/rooms/{room}/probes',
    summary: 'Adds a probe',
    access: 'lead+',
    tag: 'probes',
    params: ZRoomOnlyParams,
    body: ZProbeInput,
    status: 201,
    response: ZProbeAnswer,
    idempotent: true,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/v1/rooms/{room}/probes/{id}',
    summary: 'Changes or pauses a probe',
    access: 'lead+',
    tag: 'probes',
    params: ZProbeParams,
    body: ZProbePatch,
    response: ZProbeAnswer,
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/v1/rooms/{room}/probes/{id}',
    summary: 'Deletes a probe',
    access: 'lead+',
    tag: 'probes',
    params: ZProbeParams,
    status: 200,
    response: z.object({ deleted: z.literal(true) }),
  }),
};

/** What the socket carries about probes (lib/api/socket.ts gathers every resource's). */
export const PROBES_SOCKET = {
  commands: {},
  pushes: {
    'probe:changed': socketPush({
      summary: "a probe was checked, changed or deleted (probe null): replace it in the room's probe list",
      payload: z.object({ roomId: z.string(), probeId: z.string(), probe: ZProbe.nullable(), serverTime: z.number() }),
    }),
  },
};
