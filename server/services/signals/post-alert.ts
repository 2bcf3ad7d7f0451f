import type { TServiceContext } from '../../context';
import type { TGenericAlert } from '../../../lib/api/signals';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { applySignal, type TSignalOutcome } from './apply-signal';

/** The generic alert webhook: one signal keyed by dedupKey, firing or resolved. */
export async function postAlert(opts: { ctx: TServiceContext; actor: TActor; input: TGenericAlert }): Promise<TSignalOutcome> {
  const { ctx, actor, input } = opts;
  const room = await roomFor({ ctx, actor, slug: input.room, permission: 'alerts:write' });
  return applySignal({
    ctx,
    actor,
    signal: {
      roomId: room.id,
      kind: 'webhook',
      dedupKey: input.dedupKey,
      name: input.title,
      title: input.title,
      severity: input.severity ?? 'SEV3',
      status: input.status === 'firing' ? 'firing' : 'recovered',
      description: input.description ?? null,
      url: input.url ?? null,
      note: input.status === 'firing' ? undefined : `${input.title}: resolved by the sender`,
    },
  });
}
