import type { TActor } from '../access/actor';
import { vapidKeys } from './vapid-keys';
import { personOf } from './push-subscription-write';

/** The VAPID public key browsers subscribe with (viewer+). */
export function vapidPublicKey(opts: { actor: TActor }): { publicKey: string } {
  personOf(opts.actor);
  return { publicKey: vapidKeys().publicKey };
}
