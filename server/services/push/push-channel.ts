/**
 * Push to phones goes through the notification outbox like every message:
 * one Delivery row per subscribed device and event, written in the event's
 * transaction, on a per-room channel of kind "push" that is the outbox's
 * address for "this room's subscribed devices" (hidden from the channels
 * API, no events of its own: enqueue-notification.ts picks the devices).
 * So retries, backoff, dead letters and /metrics work as for chat.
 */
export const PUSH_CHANNEL = '__push_devices';

/** What a phone is told about. */
export const PUSH_EVENTS: readonly string[] = [
  'incident.opened',
  'incident.unclaimed',
  'incident.escalated',
  'incident.resolved',
  'probe.down',
];
