import { z } from 'zod';
import { ZAnnotationInput, ZMilestoneInput, ZRoomSettingsPatch, ZSafetyLineInput } from './room-requests';
import { ZAnnotation, ZDirection, ZMilestone, ZRoomIdParams, ZRoomInfo, ZRoomParams } from './common';
import { endpoint } from './contract';

const ZSafetyLineDto = z.object({
  id: z.string(),
  metricName: z.string(),
  warning: z.number(),
  critical: z.number(),
  direction: ZDirection,
});
export type TSafetyLineDto = z.infer<typeof ZSafetyLineDto>;

/** A room's settings as the settings page and the wall read them. */
const ZRoomSettings = z.object({
  room: ZRoomInfo,
  milestones: z.array(ZMilestone),
  annotations: z.array(ZAnnotation),
  safetyLines: z.array(ZSafetyLineDto),
});
export type TRoomSettings = z.infer<typeof ZRoomSettings>;

const ZNoContent = z.null().describe('204, no body');

export const ROOMS = {
  settings: endpoint({
    method: 'GET',
    path: '/api/v1/rooms/{room}/settings',
    tag: 'rooms',
    access: 'viewer+, display link',
    summary: "A room's settings, milestones, annotations and safety lines.",
    params: ZRoomParams,
    response: ZRoomSettings,
  }),
  updateSettings: endpoint({
    method: 'PATCH',
    path: '/api/v1/rooms/{room}/settings',
    tag: 'rooms',
    access: 'lead+',
    summary: 'Changes name, locale, time zone, go-live time or stale threshold.',
    params: ZRoomParams,
    body: ZRoomSettingsPatch,
    response: z.object({ room: ZRoomInfo }),
  }),
  addMilestone: endpoint({
    method: 'POST',
    path: '/api/v1/rooms/{room}/milestones',
    tag: 'rooms',
    access: 'lead+',
    summary: 'Adds a milestone ("1M users").',
    params: ZRoomParams,
    body: ZMilestoneInput,
    response: ZMilestone,
    status: 201,
  }),
  removeMilestone: endpoint({
    method: 'DELETE',
    path: '/api/v1/rooms/{room}/milestones/{id}',
    tag: 'rooms',
    access: 'lead+',
    summary: 'Deletes a milestone.',
    params: ZRoomIdParams,
    response: ZNoContent,
    status: 204,
  }),
  addAnnotation: endpoint({
    method: 'POST',
    path: '/api/v1/rooms/{room}/annotations',
    tag: 'rooms',
    access: 'lead+',
    summary: 'Marks a moment on the timeline; no time means now.',
    params: ZRoomParams,
    body: ZAnnotationInput,
    response: ZAnnotation,
    status: 201,
  }),
  removeAnnotation: endpoint({
    method: 'DELETE',
    path: '/api/v1/rooms/{room}/annotations/{id}',
    tag: 'rooms',
    access: 'lead+',
    summary: 'Deletes an annotation.',
    params: ZRoomIdParams,
    response: ZNoContent,
    status: 204,
  }),
  setSafetyLine: endpoint({
    method: 'PUT',
    path: '/api/v1/rooms/{room}/safety-lines',
    tag: 'rooms',
    access: 'lead+',
    summary: "Sets a metric's safety line, replacing an existing one.",
    params: ZRoomParams,
    body: ZSafetyLineInput,
    response: ZSafetyLineDto,
  }),
  removeSafetyLine: endpoint({
    method: 'DELETE',
    path: '/api/v1/rooms/{room}/safety-lines/{id}',
    tag: 'rooms',
    access: 'lead+',
    summary: 'Deletes a safety line.',
    params: ZRoomIdParams,
    response: ZNoContent,
    status: 204,
  }),
};
