import { z } from 'zod';
import { endpoint, socketPush } from './contract';
import {
  ZAcceptHandover,
  ZBriefPreview,
  ZCreateHandover,
  ZHandoverDto,
  ZHandoverList,
  ZPlanDto,
  ZPlanInput,
  ZPlanList,
  ZReport,
  ZReportQuery,
} from './night-report';
import { ZRoomIdParams, ZRoomParams } from './common';

/** Shift handovers, the night report and the planned curve (CONTRACT "Servers, shifts, the night"). */
export const NIGHT = {
  createHandover: endpoint({
    method: 'POST',
    path: '/api/v1/rooms/{room}/handovers',
    summary: 'Hand the room over: the brief is built from the data now; `to` names the incoming lead',
    access: 'lead+',
    tag: 'handovers',
    params: ZRoomParams,
    body: ZCreateHandover,
    status: 201,
    response: ZHandoverDto,
    idempotent: true,
  }),
  listHandovers: endpoint({
    method: 'GET',
    path: '/api/v1/rooms/{room}/handovers',
    summary: "The room's handovers, newest first, and who is on duty since when",
    access: 'viewer+',
    tag: 'handovers',
    params: ZRoomParams,
    response: ZHandoverList,
  }),
  previewBrief: endpoint({
    method: 'GET',
    path: '/api/v1/rooms/{room}/handovers/brief',
    summary: 'The brief a handover made now would carry (preview)',
    access: 'lead+',
    tag: 'handovers',
    params: ZRoomParams,
    response: ZBriefPreview,
  }),
  acceptHandover: endpoint({
    method: 'POST',
    path: '/api/v1/rooms/{room}/handovers/{id}/accept',
    summary: 'The incoming lead accepts; takeOwnership moves the open incidents to them',
    access: 'the lead named in `to` (any lead when none)',
    tag: 'handovers',
    params: ZRoomIdParams,
    body: ZAcceptHandover,
    response: ZHandoverDto,
  }),
  report: endpoint({
    method: 'GET',
    path: '/api/v1/rooms/{room}/report',
    summary: 'The night report for a window (default: the last 24 hours); format=md answers Markdown',
    access: 'viewer+',
    tag: 'report',
    params: ZRoomParams,
    query: ZReportQuery,
    response: ZReport,
    alternate: { type: 'text/markdown', when: 'format=md' },
  }),
  setPlan: endpoint({
    method: 'PUT',
    path: '/api/v1/rooms/{room}/plan',
    summary: 'Set the planned curve of a series',
    access: 'lead+',
    tag: 'plan',
    params: ZRoomParams,
    body: ZPlanInput,
    response: ZPlanDto,
  }),
  listPlans: endpoint({
    method: 'GET',
    path: '/api/v1/rooms/{room}/plan',
    summary: "The room's planned curves",
    access: 'viewer+',
    tag: 'plan',
    params: ZRoomParams,
    response: ZPlanList,
  }),
} as const;

/** What the socket carries about the night: handovers and planned curves (lib/api/socket.ts gathers every resource's). */
export const NIGHT_SOCKET = {
  commands: {},
  pushes: {
    'handover:changed': socketPush({
      summary: 'a shift handover was created or accepted (acceptedAt set: a new lead is on duty)',
      payload: z.object({ roomId: z.string(), handover: ZHandoverDto }),
    }),
    'plan:changed': socketPush({
      summary: "a series' planned curve was set: screens refetch GET /rooms/{room}/plan",
      payload: z.object({ roomId: z.string(), series: z.string() }),
    }),
  },
};
