import { z } from 'zod';
import { endpoint } from './contract';
import { ZProbeAnswer, ZProbeInput, ZProbeList, ZProbeParams, ZProbePatch, ZRoomOnlyParams } from './signals';

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
