import { DELIVERY_EVENTS, type TDeliveryEvent } from '@/lib/api/notifications';

/** An event's key in the "notifications.event" catalogue (a dot would nest there). */
export const EVENT_KEY = Object.fromEntries(DELIVERY_EVENTS.map((e) => [e, e.replace('.', '_')])) as Record<TDeliveryEvent, string>;
