import { AppError } from '../../errors';
import { assertCan, type TActor } from '../access/actor';

/** The signed-in lead behind a handover action; ingest keys and display links never hand over. */
export function leadOf(actor: TActor, roomId: string): { userId: string; name: string } {
  assertCan(actor, 'incident:lead', roomId);
  if (actor.kind !== 'user') throw new AppError('forbidden', 'a person hands over');
  return { userId: actor.userId, name: actor.name };
}
