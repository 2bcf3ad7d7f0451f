import { z } from 'zod';
import { ZAnnotation, ZDirection, ZIsoTime, ZMilestone, ZRoomIdParams, ZRoomInfo, ZRoomParams, ZRoomSlug } from './common';
import {
  ZAnnotationInput,
  ZCreateRoom,
  ZMilestoneInput,
  ZRoomListQuery,
  ZRoomPatch,
  ZRoomSettingsPatch,
  ZSafetyLineInput,
  ZSeriesBound,
} from './room-requests';
import { ZSeriesLatest, ZSeriesPoints } from './metric-points';
import { endpoint, socketCommand, socketPush } from './contract';

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
  /** per-series bounds ingest enforces: {"users_total": {"min", "max", "maxStep"}} */
  seriesBounds: z.record(z.string(), ZSeriesBound),
});
export type TRoomSettings = z.infer<typeof ZRoomSettings>;

const ZNoContent = z.null().describe('204, no body');

/** One room as the rooms list shows it: the contract's fields, plus its live headline. */
const ZRoomListItem = ZRoomInfo.extend({
  openIncidents: z.number().int(),
  /** the latest users_total (unlabelled) and when it was measured; null before any */
  headline: z.object({ value: z.number(), time: ZIsoTime }).nullable(),
});
export type TRoomListItem = z.infer<typeof ZRoomListItem>;

export const ROOMS = {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/rooms',
    tag: 'rooms',
    access: 'viewer+',
    summary: 'Every room with its open incidents and live headline; archived ones only with ?archived=1.',
    query: ZRoomListQuery,
    response: z.object({ rooms: z.array(ZRoomListItem) }),
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/v1/rooms',
    tag: 'rooms',
    access: 'admin',
    summary: 'Creates a room (with the default user milestones in its language); 409 when the slug is taken.',
    body: ZCreateRoom,
    response: ZRoomInfo,
    status: 201,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/v1/rooms/{room}',
    tag: 'rooms',
    access: 'admin',
    summary: 'Renames, re-localises, archives or restores a room. An archived room is read-only: writes answer 409 room_archived.',
    params: ZRoomParams,
    body: ZRoomPatch,
    response: ZRoomInfo,
  }),
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

/** Everything a screen needs on (re)connect; later pushes are deltas against it. */
const ZRoomSnapshot = z.object({
  room: ZRoomInfo,
  /** the server's clock (epoch ms) when the snapshot was taken: screens follow it, not their own */
  serverTime: z.number(),
  latest: z.array(ZSeriesLatest),
  history: z.array(ZSeriesPoints),
  milestones: z.array(ZMilestone),
  annotations: z.array(ZAnnotation),
});

/** What the socket carries about rooms (lib/api/socket.ts gathers every resource's). */
export const ROOMS_SOCKET = {
  commands: {
    'room:join': socketCommand({
      summary: "subscribes to a room the caller may read (a display link without a slug: its own room); answers the room's snapshot",
      payload: z.strictObject({ room: ZRoomSlug.optional() }),
      answer: ZRoomSnapshot,
    }),
    'room:leave': socketCommand({
      summary: "stops a room's pushes to this socket",
      payload: z.strictObject({ roomId: z.string().min(1) }),
      answer: z.null(),
    }),
  },
  pushes: {
    'room:changed': socketPush({
      summary: "a room's settings changed (name, milestones, safety lines …): screens refetch them",
      payload: z.object({ roomId: z.string() }),
    }),
  },
};
