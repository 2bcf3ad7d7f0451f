import { z } from 'zod';
import { endpoint } from './contract';
import { ZProbeParams, ZRoomOnlyParams, ZRuleAnswer, ZRuleInput, ZRuleList, ZRulePatch } from './signals';

/** Alert rules of a room: a series beyond a threshold for a while opens an incident. */
export const rulesApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/rooms/{room}/rules',
    summary: "The room's alert rules",
    access: 'viewer+',
    tag: 'rules',
    params: ZRoomOnlyParams,
    response: ZRuleList,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/v1/rooms/{room}/rules',
    summary: 'Adds an alert rule',
    access: 'lead+',
    tag: 'rules',
    params: ZRoomOnlyParams,
    body: ZRuleInput,
    status: 201,
    response: ZRuleAnswer,
    idempotent: true,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/v1/rooms/{room}/rules/{id}',
    summary: 'Changes an alert rule',
    access: 'lead+',
    tag: 'rules',
    params: ZProbeParams,
    body: ZRulePatch,
    response: ZRuleAnswer,
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/v1/rooms/{room}/rules/{id}',
    summary: 'Deletes an alert rule',
    access: 'lead+',
    tag: 'rules',
    params: ZProbeParams,
    status: 200,
    response: z.object({ deleted: z.literal(true) }),
  }),
};
