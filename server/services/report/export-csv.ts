import { stringify } from 'csv-stringify/sync';
import type { TExportQuery } from '../../../lib/api/series';
import { sourceText } from '../../../lib/night/format';
import { parseLabelsKey } from '../../../lib/series';
import type { TServiceContext } from '../../context';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { reportWindow } from './build-report';
import { reportIncidents } from './report-incidents';

/** at most this many points in one export: 31 days of a 5-second series, and then some */
const MAX_EXPORT_POINTS = 1_000_000;

const labelsText = (key: string) =>
  Object.entries(parseLabelsKey(key))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/**
 * A room's data in a window as CSV (viewer+): every point of every series, or
 * every incident the night report lists — the same figures, for a
 * spreadsheet. The window rules are the report's (default the last 24 hours, at most 31 days).
 */
export async function exportCsv(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  query: TExportQuery;
  now?: number;
}): Promise<{ filename: string; csv: string }> {
  const { ctx, query } = opts;
  const room = await roomFor({ ctx, actor: opts.actor, slug: opts.slug, permission: 'room:read' });
  const { from, to } = reportWindow(query, opts.now ?? Date.now());
  const stamp = new Date(from).toISOString().slice(0, 16).replace(/[:T]/g, '');
  const filename = `${room.slug}-${query.what}-${stamp}.csv`;
  if (query.what === 'incidents') {
    const { incidents } = await reportIncidents({ ctx, roomId: room.id, from, to });
    const rows = incidents.map((i) => [
      i.number,
      i.title,
      i.severity,
      i.status,
      sourceText(i.source, ''),
      i.openedAt,
      i.claimedAt ?? '',
      i.claimedAfterSeconds ?? '',
      i.resolvedAt ?? '',
      i.resolvedAfterSeconds ?? '',
      i.owner?.name ?? '',
    ]);
    const header = [
      'number',
      'title',
      'severity',
      'status',
      'source',
      'opened_at',
      'claimed_at',
      'claimed_after_seconds',
      'resolved_at',
      'resolved_after_seconds',
      'owner',
    ];
    return { filename, csv: stringify([header, ...rows]) };
  }
  const series = await ctx.prisma.metricSeries.findMany({
    where: { roomId: room.id },
    orderBy: [{ name: 'asc' }, { labelsKey: 'asc' }],
    select: { id: true, name: true, labelsKey: true },
  });
  const rows: (string | number)[][] = [['series', 'labels', 'time', 'value']];
  for (const s of series) {
    const labels = labelsText(s.labelsKey);
    for (const [t, v] of await ctx.samples.readRange(s.id, from, to)) {
      rows.push([s.name, labels, new Date(t).toISOString(), v]);
      if (rows.length > MAX_EXPORT_POINTS) break;
    }
  }
  return { filename, csv: stringify(rows) };
}
