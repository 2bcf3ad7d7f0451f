import { z } from 'zod';
import { endpoint, socketPush } from './contract';
import { ZIsoTime, ZLocale, ZRoomIdParams, ZRoomParams, ZSeverity } from './common';

/** Where a channel's messages go. */
export const CHANNEL_KINDS = ['feishu', 'dingtalk', 'wecom', 'slack', 'webhook', 'email'] as const;
const ZChannelKind = z.enum(CHANNEL_KINDS, { message: `must be one of ${CHANNEL_KINDS.join(', ')}` });
export type TChannelKind = z.infer<typeof ZChannelKind>;

/** What a channel may ask to hear about. */
export const NOTIFY_EVENTS = [
  'incident.opened',
  'incident.unclaimed',
  'incident.escalated',
  'incident.status',
  'incident.resolved',
  'probe.down',
  'probe.up',
  'handover.created',
  'handover.accepted',
  'capacity.warning',
  'status.published',
] as const;
const ZNotifyEvent = z.enum(NOTIFY_EVENTS, { message: `must be one of ${NOTIFY_EVENTS.join(', ')}` });
export type TNotifyEvent = z.infer<typeof ZNotifyEvent>;
/** What a delivery was for: an event a channel heard, or a lead's "Send test" (sent to that channel alone). */
export const DELIVERY_EVENTS = [...NOTIFY_EVENTS, 'channel.test'] as const;
const ZDeliveryEvent = z.enum(DELIVERY_EVENTS);
export type TDeliveryEvent = z.infer<typeof ZDeliveryEvent>;

export const DELIVERY_STATES = ['pending', 'retrying', 'delivered', 'dead'] as const;
const ZDeliveryState = z.enum(DELIVERY_STATES);
export type TDeliveryState = z.infer<typeof ZDeliveryState>;

const ZLanguage = ZLocale;
const ZUrl = z
  .string()
  .max(2000)
  .url({ message: 'must be an http(s) URL' })
  .refine((u) => /^https?:\/\//i.test(u), { message: 'must be an http(s) URL' });

const channelFields = {
  name: z.string().trim().min(1).max(80),
  url: ZUrl.optional(),
  secret: z.string().min(1).max(500).optional(),
  to: z
    .array(z.string().email({ message: 'must be email addresses' }))
    .max(50)
    .optional(),
  events: z.array(ZNotifyEvent).max(NOTIFY_EVENTS.length),
  minSeverity: ZSeverity.default('SEV2'),
  language: ZLanguage.optional(),
  paused: z.boolean().default(false),
  ratePerMinute: z.number().int().min(1).max(600).optional(),
};

/** A channel as a lead writes it; the secret is write-only. */
const ZChannelInput = z
  .object({ ...channelFields, kind: ZChannelKind })
  .strict()
  .superRefine((c, ctx) => {
    if (c.kind === 'email' ? !c.to?.length : !c.url)
      ctx.addIssue({ code: 'custom', path: [c.kind === 'email' ? 'to' : 'url'], message: `required for ${c.kind}` });
  });
export type TChannelInput = z.infer<typeof ZChannelInput>;

/** A change to a channel; `secret: null` removes the secret. */
const ZChannelPatch = z
  .object({
    name: channelFields.name.optional(),
    url: ZUrl.optional(),
    secret: z.string().min(1).max(500).nullable().optional(),
    to: channelFields.to,
    events: channelFields.events.optional(),
    minSeverity: ZSeverity.optional(),
    language: ZLanguage.nullable().optional(),
    paused: z.boolean().optional(),
    ratePerMinute: z.number().int().min(1).max(600).nullable().optional(),
  })
  .strict();
export type TChannelPatch = z.infer<typeof ZChannelPatch>;

/** A channel as read: never its secret. */
const ZChannel = z.object({
  id: z.string(),
  name: z.string(),
  kind: ZChannelKind,
  /** the address with its secret parts hidden (query values, token-like path segments: their last 4 characters) — write-only like the secret */
  url: z.string().nullable(),
  to: z.array(z.string()),
  events: z.array(ZNotifyEvent),
  minSeverity: ZSeverity,
  language: ZLanguage.nullable(),
  paused: z.boolean(),
  ratePerMinute: z.number().int(),
  hasSecret: z.boolean(),
  state: z.enum(['ok', 'failing', 'paused']),
  failingSince: ZIsoTime.nullable(),
  lastError: z.string().nullable(),
  delivered24h: z.number().int(),
  failed24h: z.number().int(),
});
export type TChannel = z.infer<typeof ZChannel>;

const ZDelivery = z.object({
  id: z.string(),
  channelId: z.string(),
  /** who it went to: a channel of the list, a person's phone (Web Push), or a status-page subscriber's mailbox */
  to: z.enum(['channel', 'phone', 'subscriber']),
  event: ZDeliveryEvent,
  incidentNumber: z.number().int().nullable(),
  state: ZDeliveryState,
  attempts: z.number().int(),
  nextAttemptAt: ZIsoTime.nullable(),
  lastError: z.string().nullable(),
  latencyMs: z.number().int().nullable(),
  digest: z.boolean(),
  createdAt: ZIsoTime,
  deliveredAt: ZIsoTime.nullable(),
});
export type TDelivery = z.infer<typeof ZDelivery>;

/** A channel that cannot reach people now: a dead delivery since its last success, or one failing for 5 minutes. */
const ZChannelProblem = z.object({
  id: z.string(),
  name: z.string(),
  kind: ZChannelKind,
  failingSince: ZIsoTime,
  lastError: z.string().nullable(),
});
export type TChannelProblem = z.infer<typeof ZChannelProblem>;

/** What every screen of the room may know about its reach: the failing channels, on the server clock. */
const ZChannelHealth = z.object({ failing: z.array(ZChannelProblem), serverTime: z.number().int() });
export type TChannelHealth = z.infer<typeof ZChannelHealth>;
/** The room's failing channels changed (one started failing, recovered, was paused or removed): the whole list, as GET …/channel-health answers. */
export const ZChannelHealthChanged = ZChannelHealth.extend({ roomId: z.string(), room: z.string() });

export const NOTIFICATIONS_SOCKET = {
  commands: {},
  pushes: {
    'channels:health': socketPush({
      summary: "the room's failing notification channels changed: the whole list (screens set it in their cache)",
      payload: ZChannelHealthChanged,
    }),
  },
};

const ZDeliveriesQuery = z.object({
  channel: z.string().max(64).optional(),
  state: ZDeliveryState.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Notification channels of a room, the delivery log, and retries. */
export const notificationsApi = {
  listChannels: endpoint({
    method: 'GET',
    path: '/api/v1/rooms/{room}/channels',
    summary: "The room's notification channels (never their secrets)",
    access: 'lead+',
    tag: 'notifications',
    params: ZRoomParams,
    response: z.object({ channels: z.array(ZChannel) }),
  }),
  createChannel: endpoint({
    method: 'POST',
    path: '/api/v1/rooms/{room}/channels',
    summary: 'Adds a notification channel',
    access: 'lead+',
    tag: 'notifications',
    params: ZRoomParams,
    body: ZChannelInput,
    status: 201,
    response: z.object({ channel: ZChannel }),
  }),
  updateChannel: endpoint({
    method: 'PATCH',
    path: '/api/v1/rooms/{room}/channels/{id}',
    summary: 'Changes or pauses a channel',
    access: 'lead+',
    tag: 'notifications',
    params: ZRoomIdParams,
    body: ZChannelPatch,
    response: z.object({ channel: ZChannel }),
  }),
  removeChannel: endpoint({
    method: 'DELETE',
    path: '/api/v1/rooms/{room}/channels/{id}',
    summary: 'Deletes a channel and its delivery log',
    access: 'lead+',
    tag: 'notifications',
    params: ZRoomIdParams,
    response: z.object({ deleted: z.literal(true) }),
  }),
  testChannel: endpoint({
    method: 'POST',
    path: '/api/v1/rooms/{room}/channels/{id}/test',
    summary: 'Sends a test message now and answers its outcome',
    access: 'lead+',
    tag: 'notifications',
    params: ZRoomIdParams,
    response: z.object({ delivery: ZDelivery }),
  }),
  channelHealth: endpoint({
    method: 'GET',
    path: '/api/v1/rooms/{room}/channel-health',
    summary: 'The channels that cannot reach people now, with since when (the wall, the phone and the console show it)',
    access: 'viewer+, display link',
    tag: 'notifications',
    params: ZRoomParams,
    response: ZChannelHealth,
  }),
  listDeliveries: endpoint({
    method: 'GET',
    path: '/api/v1/rooms/{room}/deliveries',
    summary: 'The delivery log, newest first',
    access: 'lead+',
    tag: 'notifications',
    params: ZRoomParams,
    query: ZDeliveriesQuery,
    response: z.object({ deliveries: z.array(ZDelivery) }),
  }),
  retryDelivery: endpoint({
    method: 'POST',
    path: '/api/v1/rooms/{room}/deliveries/{id}/retry',
    summary: 'A dead delivery goes back to pending',
    access: 'lead+',
    tag: 'notifications',
    params: ZRoomIdParams,
    response: z.object({ delivery: ZDelivery }),
  }),
};
