import { z } from 'zod';
import { ZIsoTime, ZRoomIdParams, ZRoomParams, ZStatus } from './common';
import { endpoint, socketPush } from './contract';
import { COMPONENT_STATES, IMPACTS, ZComponentState, ZImpact, ZStatusIncidents, ZStatusSummary } from './status-summary';

export { COMPONENT_STATES, IMPACTS, ZStatusSummary };
export type { TComponentState, TImpact, TStatusSummary } from './status-summary';

/**
 * The public status page: components, public incidents and maintenances a
 * lead writes on purpose (lead+), and what anyone may read (summary.json in
 * Atlassian Statuspage's shape). Nothing internal crosses into the public
 * shapes: they are built from the Status* rows only, never from an incident.
 */

/** A public incident's status: the same four words as an internal one. */
const ZPublicStatus = ZStatus;

const ZText = (max: number) => z.string().trim().min(1, 'required').max(max);
const ZComponentIds = z.array(z.string().min(1).max(64)).max(50);

/** Room setting: the page is off until a lead turns it on. */
export const ZStatusPageSettings = z.strictObject({
  enabled: z.boolean(),
  title: z.string().trim().max(100).nullable().optional(),
});

const ZComponentInput = z.strictObject({
  name: ZText(100),
  description: z.string().trim().max(500).nullable().optional(),
  group: z.string().trim().max(100).nullable().optional(),
  order: z.number().int().min(0).max(10_000).optional(),
  /** the room's probe this component follows; null unbinds */
  probe: z.string().trim().min(1).max(100).nullable().optional(),
  /** latency at or above this reads as degraded_performance */
  degradedAfterMs: z.number().int().min(1).max(600_000).nullable().optional(),
  /** a state set by hand (wins over the probe); null follows the probe again */
  status: ZComponentState.nullable().optional(),
});
export type TComponentInput = z.infer<typeof ZComponentInput>;
const ZComponentPatch = ZComponentInput.partial().refine((p) => Object.keys(p).length > 0, 'name at least one field to change');
export type TComponentPatch = z.infer<typeof ZComponentPatch>;

export const ZComponent = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  group: z.string().nullable(),
  order: z.number().int(),
  probe: z.string().nullable(),
  degradedAfterMs: z.number().int().nullable(),
  /** the state set by hand, null when following the probe */
  manualStatus: ZComponentState.nullable(),
  /** the state shown now */
  status: ZComponentState,
  updatedAt: ZIsoTime,
});
export type TComponent = z.infer<typeof ZComponent>;

const ZStatusIncidentInput = z.strictObject({
  /** the internal incident this tells customers about (never shown publicly) */
  incidentId: z.string().min(1).max(64).optional(),
  title: ZText(200),
  impact: ZImpact,
  components: ZComponentIds.default([]),
  status: ZPublicStatus.default('investigating'),
  message: ZText(5000),
});
export type TStatusIncidentInput = z.infer<typeof ZStatusIncidentInput>;

const ZStatusUpdateInput = z.strictObject({
  status: ZPublicStatus,
  message: ZText(5000),
  components: ZComponentIds.optional(),
});
export type TStatusUpdateInput = z.infer<typeof ZStatusUpdateInput>;

const ZStatusUpdate = z.object({ id: z.string(), status: ZPublicStatus, body: z.string(), createdAt: ZIsoTime });
export const ZStatusIncident = z.object({
  id: z.string(),
  incidentId: z.string().nullable(),
  title: z.string(),
  impact: ZImpact,
  status: ZPublicStatus,
  components: z.array(z.string()),
  createdAt: ZIsoTime,
  updatedAt: ZIsoTime,
  resolvedAt: ZIsoTime.nullable(),
  updates: z.array(ZStatusUpdate),
});
export type TStatusIncident = z.infer<typeof ZStatusIncident>;

const ZMaintenanceInput = z
  .strictObject({
    title: ZText(200),
    components: ZComponentIds.default([]),
    startsAt: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 time' }),
    endsAt: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 time' }),
    message: ZText(5000),
  })
  .refine((m) => Date.parse(m.endsAt) > Date.parse(m.startsAt), { path: ['endsAt'], message: 'must be after startsAt' });
export type TMaintenanceInput = z.infer<typeof ZMaintenanceInput>;

const ZMaintenance = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  components: z.array(z.string()),
  startsAt: ZIsoTime,
  endsAt: ZIsoTime,
  createdAt: ZIsoTime,
});
export type TMaintenance = z.infer<typeof ZMaintenance>;

/** The lead's page: everything of the room's status page in one read. */
const ZStatusAdmin = z.object({
  statusPage: z.object({ enabled: z.boolean(), title: z.string().nullable() }),
  components: z.array(ZComponent),
  incidents: z.array(ZStatusIncident),
  maintenances: z.array(ZMaintenance),
});
export type TStatusAdmin = z.infer<typeof ZStatusAdmin>;

const ZStatusRoomParams = ZRoomParams;

/** A visitor's request for email news; components (ids) narrow it (Cachet 4427), none = every public incident. */
const ZSubscribeInput = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email({ message: 'must be an email address' })),
  components: ZComponentIds.optional(),
});
export type TSubscribeInput = z.infer<typeof ZSubscribeInput>;
const ZTokenQuery = z.object({
  token: z.string().min(20).max(200),
  format: z.enum(['json', 'html']).optional(),
});

export const STATUS = {
  admin: endpoint({
    method: 'GET',
    path: '/api/v1/rooms/{room}/status-page',
    summary: "The room's status page as its leads manage it: settings, components, public incidents, maintenances",
    access: 'viewer+',
    tag: 'status',
    params: ZRoomParams,
    response: ZStatusAdmin,
  }),
  listComponents: endpoint({
    method: 'GET',
    path: '/api/v1/rooms/{room}/components',
    summary: "The status page's components with the state shown now",
    access: 'viewer+',
    tag: 'status',
    params: ZRoomParams,
    response: z.object({ components: z.array(ZComponent) }),
  }),
  createComponent: endpoint({
    method: 'POST',
    path: '/api/v1/rooms/{room}/components',
    summary: 'Adds a component, optionally following a probe',
    access: 'lead+',
    tag: 'status',
    params: ZRoomParams,
    body: ZComponentInput,
    status: 201,
    response: ZComponent,
    idempotent: true,
  }),
  updateComponent: endpoint({
    method: 'PATCH',
    path: '/api/v1/rooms/{room}/components/{id}',
    summary: 'Changes a component; status null follows the probe again',
    access: 'lead+',
    tag: 'status',
    params: ZRoomIdParams,
    body: ZComponentPatch,
    response: ZComponent,
  }),
  removeComponent: endpoint({
    method: 'DELETE',
    path: '/api/v1/rooms/{room}/components/{id}',
    summary: 'Deletes a component',
    access: 'lead+',
    tag: 'status',
    params: ZRoomIdParams,
    response: z.object({ deleted: z.literal(true) }),
  }),
  publish: endpoint({
    method: 'POST',
    path: '/api/v1/rooms/{room}/status-incidents',
    summary: 'Publishes a public incident (only the words typed here become public)',
    access: 'lead+',
    tag: 'status',
    params: ZRoomParams,
    body: ZStatusIncidentInput,
    status: 201,
    response: ZStatusIncident,
    idempotent: true,
  }),
  postUpdate: endpoint({
    method: 'POST',
    path: '/api/v1/rooms/{room}/status-incidents/{id}/updates',
    summary: 'Posts a public update to a public incident',
    access: 'lead+',
    tag: 'status',
    params: ZRoomIdParams,
    body: ZStatusUpdateInput,
    status: 201,
    response: ZStatusIncident,
    idempotent: true,
  }),
  scheduleMaintenance: endpoint({
    method: 'POST',
    path: '/api/v1/rooms/{room}/maintenances',
    summary: 'Schedules a maintenance window',
    access: 'lead+',
    tag: 'status',
    params: ZRoomParams,
    body: ZMaintenanceInput,
    status: 201,
    response: ZMaintenance,
    idempotent: true,
  }),
  summary: endpoint({
    method: 'GET',
    path: '/api/v1/status/{room}/summary',
    summary: "The public page as Atlassian Statuspage's summary.json (open incidents); ETag and Cache-Control",
    access: 'anyone',
    tag: 'status',
    params: ZStatusRoomParams,
    response: ZStatusSummary,
  }),
  subscribe: endpoint({
    method: 'POST',
    path: '/api/v1/status/{room}/subscribers',
    summary:
      'Subscribes an email address (double opt-in: only a confirmation message until its link is followed); needs WARROOM_SMTP_URL (503 without)',
    access: 'anyone',
    tag: 'status',
    params: ZStatusRoomParams,
    body: ZSubscribeInput,
    status: 202,
    response: z.object({ accepted: z.literal(true) }),
  }),
  confirmSubscriber: endpoint({
    method: 'GET',
    path: '/api/v1/status/{room}/subscribers/confirm',
    summary: "Confirms a subscription with the one-use token of its confirmation message (the message's link)",
    access: 'anyone',
    tag: 'status',
    params: ZStatusRoomParams,
    query: ZTokenQuery,
    response: z.object({ confirmed: z.literal(true) }),
    alternate: { type: 'text/html', when: 'format=html' },
  }),
  unsubscribe: endpoint({
    method: 'GET',
    path: '/api/v1/status/{room}/subscribers/unsubscribe',
    summary: 'Removes a subscription with the token every message carries (one click, no sign-in)',
    access: 'anyone',
    tag: 'status',
    params: ZStatusRoomParams,
    query: ZTokenQuery,
    response: z.object({ unsubscribed: z.literal(true) }),
    alternate: { type: 'text/html', when: 'format=html' },
  }),
  incidents: endpoint({
    method: 'GET',
    path: '/api/v1/status/{room}/incidents',
    summary: 'Public incidents, resolved ones included, newest first (the last 50)',
    access: 'anyone',
    tag: 'status',
    params: ZStatusRoomParams,
    response: ZStatusIncidents,
  }),
};

/**
 * The public status namespace (`/status`): no credential, nothing to send.
 * A socket names its page in the handshake (`auth: {room}`) and only ever
 * receives that page's public summary when it changes.
 */
export const STATUS_SOCKET = {
  commands: {},
  pushes: {
    'status:changed': socketPush({
      summary: "the page's public summary changed",
      payload: z.object({ etag: z.string(), summary: ZStatusSummary }),
    }),
  },
};
