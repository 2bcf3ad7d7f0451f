
import { endpoint } from './contract';
import {
  ZAcceptHandover,
  ZBriefPreview,
  ZCreateHandover,
  ZHandoverDto,
  ZHandoverList,
  ZHandoverParams,
  ZPlanDto,
  ZPlanInput,
  ZPlanList,
  ZReport,
  ZReportQuery,
  ZRoomParams,
} from '../schemas/night';

/** Shift handovers, the night report and the planned curve (CONTRACT "Servers, shifts, the night"). */
export const NIGHT_ENDPOINTS = {
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
    params: ZHandoverParams,
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

export type TNightEndpoints = typeof NIGHT_ENDPOINTS;

