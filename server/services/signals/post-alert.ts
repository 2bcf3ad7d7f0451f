import type { TServiceContext } from '../../context';
import type { TGenericAlert } from '../../../lib/api/signals';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import type { TSignalAction } from '../../../lib/api/signals';
import { applySignal, type TSignalOutcome } from './apply-signal';

/**
 * The generic alert webhook: one signal keyed by dedupKey, firing or resolved. A resolve may name its
 * alert by dedupKey alone: it is then called what it was called when it fired. Answered with the
 * incident and, as the Alertmanager route answers, the list of incidents it touched.
 */
export async function postAlert(opts: {
  ctx: TServiceContext;
  actor: TActor;
  input: TGenericAlert;
}): Promise<TSignalOutcome & { incidents: { id: string; number: number; action: TSignalAction }[] }> {
  const { ctx, actor, input } = opts;
  const room = await roomFor({ ctx, actor, slug: input.room, permission: 'alerts:write' });
  const known = await ctx.prisma.signal.findUnique({
    where: { roomId_kind_dedupKey: { roomId: room.id, kind: 'webhook', dedupKey: input.dedupKey } },
    select: { name: true },
  });
  const title = input.title ?? known?.name ?? input.dedupKey;
  const outcome = await applySignal({
    ctx,
    actor,
    signal: {
      roomId: room.id,
      kind: 'webhook',
      dedupKey: input.dedupKey,
      name: title,
      title,
      severity: input.severity ?? 'SEV3',
      status: input.status === 'firing' ? 'firing' : 'recovered',
      description: input.description ?? null,
      url: input.url ?? null,
      note: input.status === 'firing' ? undefined : `${title}: resolved by the sender`,
    },
  });
  return { ...outcome, incidents: outcome.incident ? [{ ...outcome.incident, action: outcome.action }] : [] };
}
