import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TActor } from '../access/actor';
import { personOf } from './push-subscription-write';

/** Removes one of the caller's subscriptions ("turn off on this device"); someone else's reads as absent. */
export async function removePushSubscription(opts: { ctx: TServiceContext; actor: TActor; id: string }): Promise<{ deleted: true }> {
  const userId = personOf(opts.actor);
  const gone = await opts.ctx.prisma.pushSubscription.deleteMany({ where: { id: opts.id, userId } });
  if (gone.count === 0)
    throw new AppError('not_found', `no push subscription "${opts.id}"`, [
      { field: 'id', message: 'no subscription of yours with this id' },
    ]);
  return { deleted: true };
}
