import type { TServiceContext } from '../../context';
import type { TIngestBody } from '../../../lib/api/metric-points';
import { groupPoints } from '../../db/sample-store';
import { assertCan, type TActor } from '../access/actor';
import { resolveRoom } from '../rooms/resolve-room';

/**
 * Stores a validated batch in one transaction, then announces it. The batch
 * is all-or-nothing: validation happened before, and the write is atomic.
 */
export async function ingestMetrics(opts: {
  ctx: TServiceContext;
  actor: TActor;
  input: TIngestBody;
  now?: number;
}): Promise<{ accepted: number }> {
  const { ctx, actor, input } = opts;
  // An ingest key bound to one room writes there when the body names none: no
  // lookup (the key dies with its room, and the store checks the room in its transaction).
  const roomId = !input.room && actor.kind === 'ingest' && actor.roomId ? actor.roomId : (await resolveRoom({ ctx, slug: input.room })).id;
  assertCan(actor, 'metrics:write', roomId);

  const groups = groupPoints(input.points, opts.now ?? Date.now());
  const changes = await ctx.samples.insertGroups(roomId, groups);
  const points = input.points.length;
  ctx.bus.emit('metrics.ingested', { roomId, changes, at: Date.now(), points });
  return { accepted: points };
}
