import { z } from 'zod';
import { endpoint } from './contract';
import { ZIdParams, ZIsoTime, ZLocale, ZRoomSlug, ZSeverity } from './common';

/**
 * A push service's URL. Browsers only ever hand out https ones; plain http is
 * accepted for a push service on this machine (127.0.0.1, ::1, localhost),
 * which is what a test's fake push service is.
 */
const ZPushEndpoint = z
  .string()
  .max(2000)
  .url({ message: 'must be an https URL' })
  .refine((u) => /^https:\/\//i.test(u) || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//i.test(u), {
    message: 'must be an https URL',
  });

/** base64url, as PushSubscription.toJSON() writes keys */
const ZBase64Url = (max: number) =>
  z
    .string()
    .min(16)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, { message: 'must be base64url' });

/** The browser's PushSubscription JSON, plus what this device wants to hear. */
const ZPushSubscriptionInput = z
  .object({
    endpoint: ZPushEndpoint,
    expirationTime: z.number().nullable().optional(),
    keys: z.object({ p256dh: ZBase64Url(200), auth: ZBase64Url(64) }).strict(),
    /** room slugs; absent = every room there is now */
    rooms: z.array(ZRoomSlug).max(100).optional(),
    minSeverity: ZSeverity.default('SEV2'),
    /** the language the notifications are written in (default: the room's) */
    language: ZLocale.optional(),
  })
  .strict();
export type TPushSubscriptionInput = z.infer<typeof ZPushSubscriptionInput>;

/** A saved subscription as read back: never its keys. */
const ZPushSubscription = z.object({
  id: z.string(),
  rooms: z.array(z.string()),
  minSeverity: ZSeverity,
  language: ZLocale,
  createdAt: ZIsoTime,
});
export type TPushSubscription = z.infer<typeof ZPushSubscription>;

/** Web Push to a person's devices. */
export const pushApi = {
  vapidPublicKey: endpoint({
    method: 'GET',
    path: '/api/v1/push/vapid-public-key',
    summary: "The server's VAPID public key, for PushManager.subscribe()",
    access: 'viewer+',
    tag: 'notifications',
    response: z.object({ publicKey: z.string() }),
  }),
  saveSubscription: endpoint({
    method: 'POST',
    path: '/api/v1/push/subscriptions',
    summary: "Saves this browser's push subscription for the caller (the same endpoint again replaces it)",
    access: 'viewer+',
    tag: 'notifications',
    body: ZPushSubscriptionInput,
    status: 201,
    response: z.object({ subscription: ZPushSubscription }),
  }),
  removeSubscription: endpoint({
    method: 'DELETE',
    path: '/api/v1/push/subscriptions/{id}',
    summary: "Removes one of the caller's push subscriptions",
    access: 'viewer+',
    tag: 'notifications',
    params: ZIdParams,
    response: z.object({ deleted: z.literal(true) }),
  }),
};
