import type { TServiceContext } from '../../context';
import { labelsKey } from '../../../lib/series';
import type { TIngestBody } from '../../../lib/api/metric-points';
import type { TSampleRow } from '../../db/sample-store';
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
  // An ingest key bound to one room writes there when the body names none.
  const room =
    !input.room && actor.kind === 'ingest' && actor.roomId
      ? await ctx.prisma.room.findUniqueOrThrow({ where: { id: actor.roomId } })
      : await resolveRoom({ ctx, slug: input.room });
  assertCan(actor, 'metrics:write', room.id);

  const now = opts.now ?? Date.now();
  const rows: TSampleRow[] = new Array(input.points.length);
  for (let i = 0; i < input.points.length; i++) {
    const p = input.points[i]!;
    const time = p.time === undefined ? now : typeof p.time === 'number' ? p.time : Date.parse(p.time);
    rows[i] = { name: p.name, labelsKey: labelsKey(p.labels), time, value: p.value };
  }
  const changes = await ctx.samples.insertBatch(room.id, rows);
  ctx.bus.emit('metrics.ingested', { roomId: room.id, changes, at: Date.now(), points: rows.length });
  return { accepted: rows.length };
}
